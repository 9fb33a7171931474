import { describe, expect, it } from "vitest";
import http from "node:http";
import { CLIENT_HEADER, EDGE_HEADER, MAX_BODY_BYTES, answerStatus, clientKey, edgeSecret, peerAddress, refusal, stampRequest, transportSecurity, unconfiguredProxy, withAnswerStatus } from "./edge.mjs";

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

describe("one client, for the limits", () => {
  it("is an IPv4 address, however it is written", () => {
    expect(clientKey("198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("::FFFF:c633:6407")).toBe("198.51.100.7");
    expect(clientKey("0:0:0:0:0:ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("198.51.100.8")).not.toBe(clientKey("198.51.100.7"));
  });

  it("is an IPv6 client's /64, in any written form", () => {
    const one = clientKey("2001:db8::1");
    expect(one).toBe("2001:db8:0:0::/64");
    for (const same of ["2001:db8:0:0:ffff::2", "2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::abcd:1.2.3.4", "2001:db8::", "2001:db8:0:0:1:2:3:4%eth0"]) {
      expect(clientKey(same)).toBe(one);
    }
    expect(clientKey("2001:db8:0:1::1")).not.toBe(one);
    expect(clientKey("2001:db9::1")).not.toBe(one);
  });

  it("keeps what is not an address as it is", () => {
    expect(clientKey("unknown")).toBe("unknown");
    expect(clientKey(undefined)).toBe("unknown");
  });
});

describe("over a real socket", () => {
  it("an IPv4 client on a dual-stack socket is its IPv4 address, and two addresses of one /64 behind our proxy are one client", async () => {
    const server = http.createServer((req, res) => {
      stampRequest(req, Number(req.headers["x-test-hops"]));
      res.end(req.headers[CLIENT_HEADER]);
    });
    await new Promise((resolve) => server.listen(0, "::", resolve));
    const { port } = server.address();
    const seen = async (host, headers = {}) => (await fetch(`http://${host}:${port}/`, { headers: { "x-test-hops": "0", ...headers } })).text();
    try {
      expect(await seen("127.0.0.1")).toBe("127.0.0.1");
      expect(await seen("[::1]")).toBe("0:0:0:0::/64");
      const viaProxy = (address) => seen("127.0.0.1", { "x-test-hops": "1", "x-forwarded-for": address });
      expect(await viaProxy("2001:db8:77::1")).toBe("2001:db8:77:0::/64");
      expect(await viaProxy("2001:db8:77:0:ffff::2")).toBe("2001:db8:77:0::/64");
      expect(await viaProxy("2001:db8:78::1")).toBe("2001:db8:78:0::/64");
    } finally {
      server.close();
    }
  });


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

describe("requests refused before the app", () => {
  const host = { host: "kohtaamo.example.fi" };
  it("a post from another site's page is a 403, one from our own page goes on", () => {
    expect(refusal("POST", { ...host, origin: "https://evil.example" })?.status).toBe(403);
    expect(refusal("POST", { ...host, origin: "null" })?.status).toBe(403);
    expect(refusal("POST", { ...host, origin: "not a url" })?.status).toBe(403);
    expect(refusal("POST", { ...host, origin: "https://kohtaamo.example.fi" })).toBeNull();
    // Behind our proxy, the host the browser used is the forwarded one (Next compares the same).
    expect(refusal("POST", { host: "127.0.0.1:3000", "x-forwarded-host": "kohtaamo.example.fi", origin: "https://kohtaamo.example.fi" })).toBeNull();
    expect(refusal("POST", { host: "kohtaamo.example.fi", "x-forwarded-host": "127.0.0.1:3000", origin: "https://kohtaamo.example.fi" })?.status).toBe(403);
    // Not a browser's form (no Origin), or only reading: left to the app.
    expect(refusal("POST", host)).toBeNull();
    expect(refusal("GET", { ...host, origin: "https://evil.example" })).toBeNull();
  });

  it("a body over the limit is a 413", () => {
    expect(refusal("POST", { ...host, "content-length": String(MAX_BODY_BYTES + 1) })?.status).toBe(413);
    expect(refusal("POST", { ...host, "content-length": String(MAX_BODY_BYTES) })).toBeNull();
  });

  it("over a real socket, a page's status reaches the client, except on a client-side navigation's data request", async () => {
    const server = http.createServer((req, res) =>
      withAnswerStatus(req, res, async () => {
        await new Promise((r) => setTimeout(r, 1));
        if (req.url === "/missing") answerStatus(404);
        res.setHeader("content-type", "text/html");
        res.end("<h1>Page not found</h1>");
      }),
    );
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    const at = (path, headers = {}) => fetch(`http://127.0.0.1:${server.address().port}${path}`, { headers });
    try {
      expect((await at("/missing")).status).toBe(404);
      expect((await at("/there")).status).toBe(200);
      expect((await at("/missing", { rsc: "1" })).status).toBe(200);
    } finally {
      server.close();
    }
    // Outside the server (a build, a unit test), asking for a status does nothing.
    expect(() => answerStatus(404)).not.toThrow();
  });
});
