import { describe, expect, it } from "vitest";
import { stampedAddress } from "./client-address";

describe("the client's address the app keys its limits on", () => {
  const secret = "a".repeat(32);
  const from = (h: Record<string, string>) => (name: string) => h[name] ?? null;

  it("is the server's stamp when it carries this process's secret", () => {
    expect(stampedAddress(from({ "x-kohtaamo-client": "198.51.100.7", "x-kohtaamo-edge": secret }), secret)).toBe("198.51.100.7");
  });

  it("is the one shared bucket when a client sent the header itself (served without scripts/server.mjs)", () => {
    expect(stampedAddress(from({ "x-kohtaamo-client": "203.0.113.1" }), secret)).toBe("unknown");
    expect(stampedAddress(from({ "x-kohtaamo-client": "203.0.113.1", "x-kohtaamo-edge": "b".repeat(32) }), secret)).toBe("unknown");
    expect(stampedAddress(from({ "x-kohtaamo-client": "203.0.113.1", "x-kohtaamo-edge": "short" }), secret)).toBe("unknown");
    expect(stampedAddress(from({ "x-kohtaamo-client": "203.0.113.1", "x-kohtaamo-edge": secret }), undefined)).toBe("unknown");
  });
});
