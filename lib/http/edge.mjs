// What the server does to each request before Next sees it.
//
// Who is on the other end of a request. Only the socket is a fact; an
// X-Forwarded-For entry is a fact only when a proxy we run wrote it. So the
// address is read from the right: the socket, then one entry per trusted
// proxy, and nothing a client put further left is ever believed.

import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";

/**
 * The header the app reads the client's key from (see clientKey: an IPv4
 * address, or an IPv6 client's /64). The server sets it on every request, overwriting any sent.
 */
export const CLIENT_HEADER = "x-kohtaamo-client";
/**
 * Beside it, a secret of this process's life: the app believes the client
 * header only when this one matches. Served some other way (`next start`),
 * a client could send its own address header, and would only land in the
 * one shared "unknown" bucket.
 */
export const EDGE_HEADER = "x-kohtaamo-edge";
export const EDGE_SECRET_ENV = "KOHTAAMO_EDGE_SECRET";

/** This process's edge secret, made once; the server makes it before Next starts, so every part of the app sees it. */
export function edgeSecret() {
  return (process.env[EDGE_SECRET_ENV] ??= randomBytes(24).toString("base64url"));
}

/** Headers a client may forge to make the app believe another host, protocol or address. */
export const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

/**
 * The client's address, given the socket's address, the X-Forwarded-For
 * header as received, and how many reverse proxies of our own stand in front
 * (0: none, the socket is the client).
 */
export function peerAddress(socketAddress, forwardedFor, trustedHops) {
  const socket = normalise(socketAddress) ?? "unknown";
  if (!trustedHops) return socket;
  const hops = String(forwardedFor ?? "")
    .split(",")
    .map((entry) => normalise(entry.trim()))
    .filter(Boolean)
    .reverse();
  // [socket, nearest entry, …]: with n trusted proxies the client is n steps from the socket,
  // or the furthest entry a trusted proxy wrote when the chain is shorter.
  const chain = [socket, ...hops];
  return chain[Math.min(trustedHops, chain.length - 1)];
}

/**
 * Who counts as one client for the rate limits and the seat cap. An IPv4
 * address is one client. An IPv6 client is its /64: a home or mobile
 * connection is given a whole /64 and may pick any address in it, so keying
 * on the full address would give one phone 2^64 allowances. An IPv4 address
 * written as IPv6 (`::ffff:203.0.113.9`) is the IPv4 client. Anything that is
 * not an address (a proxy that wrote "unknown") is kept as it is.
 */
export function clientKey(address) {
  if (!address) return "unknown";
  const groups = ipv6Groups(address);
  if (!groups) return address;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address in any of its written forms (compressed, with an IPv4 tail, with a zone), or null when it is not one. */
function ipv6Groups(address) {
  const plain = address.split("%")[0];
  if (!isIPv6(plain)) return null;
  const tail = plain.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  // An IPv4 tail ("::ffff:1.2.3.4", "64:ff9b::1.2.3.4") is the last two groups.
  const hex = tail ? `${plain.slice(0, tail.index)}${((+tail[1] << 8) | +tail[2]).toString(16)}:${((+tail[3] << 8) | +tail[4]).toString(16)}` : plain;
  const [head, rest] = hex.split("::");
  const parse = (part) => (part ? part.split(":").map((g) => Number.parseInt(g, 16)) : []);
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  return [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
}

/** Sets the client header on a Node request and, with no trusted proxy, drops the forwarding headers a client sent. */
export function stampRequest(req, trustedHops) {
  const address = peerAddress(req.socket?.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
  if (!trustedHops) for (const name of FORWARDED_HEADERS) delete req.headers[name];
  const key = clientKey(address);
  req.headers[CLIENT_HEADER] = key;
  req.headers[EDGE_HEADER] = edgeSecret();
  return key;
}

// "::ffff:203.0.113.9" and "203.0.113.9" are one client: an IPv4-mapped address is read as the IPv4 one.
function normalise(address) {
  if (!address) return null;
  const key = clientKey(address);
  return isIPv4(key) ? key : address;
}

/** HSTS when the public address is https: decided by APP_URL, never by the protocol a request claims. */
export function transportSecurity(appUrl) {
  return new URL(appUrl ?? "http://localhost").protocol === "https:" ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {};
}

/**
 * In production with no trusted proxy configured, a forwarded header means a
 * proxy stands in front that the app does not know of: every client would
 * share its address. The server refuses such requests until TRUSTED_PROXY_HOPS is set.
 */
export function unconfiguredProxy(headers, env) {
  return env.KOHTAAMO_ENV === "production" && env.TRUSTED_PROXY_HOPS === 0 && FORWARDED_HEADERS.some((h) => headers[h] !== undefined);
}

/** Bodies larger than this are refused before Next reads them (its server actions refuse 1 MB with a 500). No form or door batch comes near it. */
export const MAX_BODY_BYTES = 512 * 1024;

/**
 * Why the server refuses a request before Next sees it, or null. Next's server
 * actions refuse a post whose Origin is not the host it was sent to, and a
 * body over their limit, by throwing: the client gets a 500, and the log an
 * error for what is the client's mistake. Here they are a 403 and a 413.
 * The origin rule is Next's own (Origin against X-Forwarded-Host or Host, so
 * run it after stampRequest has dropped forwarded headers no proxy wrote):
 * "Origin: null" is refused too, and a request with no Origin (not sent by a
 * browser's form) is left to Next, which lets it through.
 */
export function refusal(method, headers) {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  if (Number(headers["content-length"]) > MAX_BODY_BYTES) return { status: 413, text: "The request is too large.\n" };
  const origin = headers.origin;
  if (!origin) return null;
  const forwarded = headers["x-forwarded-host"];
  const target = String((Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(",")[0]) ?? headers.host ?? "").trim();
  let from;
  try {
    from = new URL(origin).host;
  } catch {
    from = null;
  }
  return from === target ? null : { status: 403, text: "A form of another site cannot post here.\n" };
}

// The status a page asks for (see answerStatus), per request. Shared through globalThis: the app's
// bundle loads its own copy of this module.
const answers = /** @type {AsyncLocalStorage<{ status: number | null }>} */ (globalThis.__kohtaamoAnswers ??= new AsyncLocalStorage());

/**
 * Runs Next's handler for one request so that a page can set the response's
 * status (answerStatus). A client-side navigation's data request keeps its
 * 200: Next's router would otherwise load the whole page again.
 */
export function withAnswerStatus(req, res, handle) {
  const answer = { status: null };
  if (req.headers.rsc === undefined) {
    const writeHead = res.writeHead;
    res.writeHead = function (status, ...rest) {
      return writeHead.call(this, status === 200 && answer.status ? answer.status : status, ...rest);
    };
  }
  return answers.run(answer, handle);
}

/**
 * A page says what its answer's HTTP status is (404 for a page that is not
 * there), while rendering its own content in the page's language: Next's
 * notFound() would send an empty shell drawn by JavaScript instead. Served
 * without scripts/server.mjs, this does nothing.
 */
export function answerStatus(status) {
  const answer = answers.getStore();
  if (answer) answer.status = status;
}
