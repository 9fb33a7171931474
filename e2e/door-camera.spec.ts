import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import QRCode from "qrcode";
import { chromium } from "@playwright/test";
import { test, expect, expectAxeClean } from "./fixtures";
import { DoorPage } from "./pages/DoorPage";
import { signInAs } from "./pages/Staff";
import { assignFacilitator, createSession, query, run } from "./support/db";
import { E2E } from "./support/env.cjs";
import config from "../playwright.config";

/**
 * A camera that films one QR code: raw YUV4MPEG2 frames, which Chromium's
 * fake camera plays in a loop. The QR is made as the app makes it (the code
 * alone, error correction M); luminance is the QR's black and white, chroma grey.
 */
function qrVideo(text: string, file: string) {
  const W = 640;
  const H = 480;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const scale = 10;
  const side = (modules.size + 8) * scale; // with the four-module quiet zone the standard asks for
  const left = (W - side) / 2;
  const top = (H - side) / 2;
  const y = Buffer.alloc(W * H, 235);
  for (let row = 0; row < H; row++) {
    for (let col = 0; col < W; col++) {
      const mx = Math.floor((col - left) / scale) - 4;
      const my = Math.floor((row - top) / scale) - 4;
      if (mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx)) y[row * W + col] = 16;
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]));
}

test("the door's camera reads a parent's visitor code from their phone and records the visit", async ({}, testInfo) => {
  const id = createSession({ title: "Camera evening", capacity: 5, daysAhead: 0.01 });
  assignFacilitator(id, "facilitator@kohtaamo.local");
  // A real visitor code, given to this parent at an earlier visit.
  const code = `QRC-${String(3000 + ((id * 7) % 6000)).replace(/[0125]/g, "4")}-PXW`;
  run("INSERT INTO visitor_codes (code) VALUES (?)", code);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "door-camera-"));
  const video = path.join(dir, "phone.y4m");
  qrVideo(code, video);
  const base = config.use?.launchOptions;
  const browser = await chromium.launch({
    ...base,
    args: [...(base?.args ?? []), "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await browser.newContext({
      baseURL: E2E.baseURL,
      extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${(testInfo.workerIndex * 31 + 77) % 250}` },
    });
    await context.grantPermissions(["camera"], { origin: E2E.baseURL });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (m) => /Content Security Policy/i.test(m.text()) && refused.push(m.text()));
    await signInAs(page, "facilitator@kohtaamo.local");
    const door = new DoorPage(page);
    await door.open(id);
    await expectAxeClean(page);

    await door.scan();
    await expect(page.getByTestId("scan-status")).toHaveText(`Read the code ${code}.`, { timeout: 15_000 });
    await expect(door.total()).toHaveText("1 visitor");
    await expect(page.getByRole("button", { name: "Scan a code with the camera" })).toHaveAttribute("aria-expanded", "false");
    await expectAxeClean(page);
    expect(
      query<{ source: string; code: string; firstTime: number }>(
        "SELECT source, visitor_code AS code, first_time AS firstTime FROM visits WHERE session_id = ?",
        id,
      ),
    ).toEqual([{ source: "code", code, firstTime: 0 }]);
    expect(refused).toEqual([]);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("without a camera the door says so, and the code can still be typed", async ({ page }) => {
  const id = createSession({ title: "No camera evening", capacity: 5, daysAhead: 0.01 });
  assignFacilitator(id, "facilitator@kohtaamo.local");
  await signInAs(page, "facilitator@kohtaamo.local");
  const door = new DoorPage(page);
  await door.open(id);
  await door.scan();
  await expect(page.getByTestId("scan-status")).toHaveText("The camera could not be opened. Allow the camera for this page, or type the code.");
  await expect(page.getByRole("button", { name: "Stop scanning" })).toHaveAttribute("aria-expanded", "true");
  await expectAxeClean(page);
  await page.getByRole("button", { name: "Stop scanning" }).click();
  await expect(page.getByLabel("A returning parent shows their code")).toBeVisible();
});
