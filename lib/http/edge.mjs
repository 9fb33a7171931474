// What the server does to each request before Next sees it.
//
// Who is on the other end of a request. Only the socket is a fact; an
// X-Forwarded-For entry is a fact only when a proxy we run wrote it. So the
// address is read from the right: the socket, then one entry per trusted
// proxy, and nothing a client put further left is ever believed.

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
