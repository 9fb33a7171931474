import zlib from "node:zlib";
import { test, expect } from "./fixtures";
import { createSession, firstSessionId, run } from "./support/db";

// Server code stays on the server: no chunk a parents' page loads may carry drizzle, the server's zod
// schemas or a module of db/ (issue 25: the booking form's "how did you hear" once pulled drizzle-orm,
// ≈16 KiB gzip, into every session page). Each marker is a string those modules keep after minifying.
const serverMarkers: [string, RegExp][] = [
  ["drizzle-orm", /Symbol\.for\("drizzle:/],
  ["zod", /\$ZodType|ZodError/],
  ["db/schema", /reach_person_visits|verification_tokens|sqliteTable/],
];
// The framework's floor with next-intl is ≈141 KiB gzip (STACK-NOTES); a parents' page may add little to it.
const GZIP_LIMIT_KIB = 160;

test("the parents' pages ship no server code and stay light", async ({ request }) => {
  const key = `bundleKey${Date.now().toString(36)}`;
  const past = createSession({ title: "Bundle evening", capacity: 6, daysAhead: -0.2 });
  run("INSERT INTO feedback_links (key, session_id, expires_at) VALUES (?, ?, ?)", key, past, Date.now() + 86_400_000);
  const pages = [
    "/fi",
    "/fi/places/tikkurila",
    `/fi/sessions/${firstSessionId("drop_in")}`,
    `/fi/sessions/${firstSessionId("group")}`,
    `/fi/sessions/${firstSessionId("info_evening")}`,
    `/sv/sessions/${firstSessionId("info_evening")}`,
    `/fi/manage/${"x".repeat(43)}`,
    `/fi/feedback/${key}`,
    "/fi/privacy",
    "/fi/you-said-we-did",
  ];
  const chunks = new Map<string, { body: string; gzip: number }>();
  const found: string[] = [];
  const sizes: Record<string, number> = {};
  for (const path of pages) {
    const html = await (await request.get(path)).text();
    const srcs = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/gi)].filter((m) => !/\bnomodule\b/i.test(m[0])).flatMap((m) => (m[1] ? [m[1]] : []));
    expect(srcs.length, `${path} loads scripts`).toBeGreaterThan(0);
    let gzip = 0;
    for (const src of new Set(srcs)) {
      if (!chunks.has(src)) {
        const body = await (await request.get(src)).text();
        chunks.set(src, { body, gzip: zlib.gzipSync(body, { level: 9 }).length });
      }
      const chunk = chunks.get(src)!;
      gzip += chunk.gzip;
      for (const [name, marker] of serverMarkers) if (marker.test(chunk.body)) found.push(`${path}: ${src} carries ${name}`);
    }
    sizes[path] = Math.round((gzip / 1024) * 10) / 10;
  }
  test.info().annotations.push({ type: "gzip KiB per page", description: JSON.stringify(sizes) });
  expect(found).toEqual([]);
  expect(Object.entries(sizes).filter(([, kib]) => kib > GZIP_LIMIT_KIB)).toEqual([]);
});
