import { describe, expect, it } from "vitest";
import http from "node:http";
import { CLIENT_HEADER, EDGE_HEADER, edgeSecret, peerAddress, stampRequest, transportSecurity, unconfiguredProxy } from "./edge.mjs";

describe("the client's address", () => {
  it("is the socket's with no proxy in front, whatever X-Forwarded-For says", () => {
    expect(peerAddress("::ffff:198.51.100.7", "203.0.113.122, 203.0.113.120", 0)).toBe("198.51.100.7");
    expect(peerAddress("198.51.100.7", undefined, 0)).toBe("198.51.100.7");
  });

  it("is what the trusted proxy saw, not what the client prepended", () => {
    // The client sent "X-Forwarded-For: 203.0.113.1"; our proxy at 10.0.0.2 appended the real address.
    expect(peerAddress("10.0.0.2", "203.0.113.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    // Two proxies of ours: the CDN's entry and then the client's.
    expect(peerAddress("10.0.0.2", "203.0.113.1, 198.51.100.7, 10.0.0.9", 2)).toBe("198.51.100.7");
  });

  it("stops at the furthest entry when the chain is shorter than the proxies configured", () => {
    expect(peerAddress("10.0.0.2", "", 1)).toBe("10.0.0.2");
    expect(peerAddress("10.0.0.2", "198.51.100.7", 3)).toBe("198.51.100.7");
  });

  it("overwrites a forged client header and drops forwarding headers when no proxy is trusted", () => {
    const req = {
      socket: { remoteAddress: "127.0.0.1" },
      headers: { [CLIENT_HEADER]: "1.2.3.4", [EDGE_HEADER]: "guessed", "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.example", forwarded: "host=evil.example" },
    };
    stampRequest(req, 0);
    expect(req.headers).toEqual({ [CLIENT_HEADER]: "127.0.0.1", [EDGE_HEADER]: edgeSecret() });
    expect(edgeSecret()).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});

describe("over a real socket", () => {
  it("a forged X-Forwarded-For and X-Forwarded-Host never reach the app without a trusted proxy", async () => {
    const server = http.createServer((req, res) => {
      stampRequest(req, 0);
      res.end(JSON.stringify(req.headers));
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address();
    const seen = await (await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "203.0.113.122", "x-forwarded-host": "evil.example", [CLIENT_HEADER]: "203.0.113.1" } })).json();
    server.close();
    expect(seen[CLIENT_HEADER]).toBe("127.0.0.1");
    expect(seen["x-forwarded-for"]).toBeUndefined();
    expect(seen["x-forwarded-host"]).toBeUndefined();
  });
});

describe("transport security", () => {
  it("asks browsers for https only when the public address is https", () => {
    expect(transportSecurity("https://kohtaamo.example.fi")).toHaveProperty("Strict-Transport-Security");
    expect(transportSecurity("http://localhost:3000")).toEqual({});
  });
});

describe("a proxy the configuration does not know of", () => {
  it("is refused in production, and only there", () => {
    const forwarded = { "x-forwarded-for": "198.51.100.7" };
    expect(unconfiguredProxy(forwarded, { KOHTAAMO_ENV: "production", TRUSTED_PROXY_HOPS: 0 })).toBe(true);
    expect(unconfiguredProxy({}, { KOHTAAMO_ENV: "production", TRUSTED_PROXY_HOPS: 0 })).toBe(false);
    expect(unconfiguredProxy(forwarded, { KOHTAAMO_ENV: "production", TRUSTED_PROXY_HOPS: 1 })).toBe(false);
    expect(unconfiguredProxy(forwarded, { KOHTAAMO_ENV: "demo", TRUSTED_PROXY_HOPS: 0 })).toBe(false);
  });
});
