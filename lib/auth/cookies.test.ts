import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { testDb } from "@/lib/test/db";

// This file's own module graph: the configuration is read with an https public address.
beforeAll(() => {
  process.env.APP_URL = "https://kohtaamo.example.fi";
  process.env.AUTH_SECRET = "a-test-secret-that-is-long-enough-for-auth";
  testDb();
});

describe("staff cookies behind a proxy", () => {
  it("are Secure when APP_URL is https, even when the request says http", async () => {
    const { handlers } = await import("./config");
    const response = await handlers.GET(
      new NextRequest("http://localhost:3000/api/auth/csrf", { headers: { "x-forwarded-proto": "http", host: "localhost:3000" } }),
    );
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookies.some((c) => c.startsWith("__Host-authjs.csrf-token="))).toBe(true);
  });

  it("the app's own cookie (one answer per device) is Secure then too", async () => {
    const { ownCookie } = await import("@/lib/http/cookies");
    expect(ownCookie(60)).toEqual({ httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 60 });
  });
});
