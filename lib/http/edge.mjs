// What the server does to each request before Next sees it.
//
// Who is on the other end of a request. Only the socket is a fact; an
// X-Forwarded-For entry is a fact only when a proxy we run wrote it. So the
// address is read from the right: the socket, then one entry per trusted
// proxy, and nothing a client put further left is ever believed.

import { randomBytes } from "node:crypto";

/** The header the app reads the client's address from. The server sets it on every request, overwriting any sent. */
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

/** Sets the client header on a Node request and, with no trusted proxy, drops the forwarding headers a client sent. */
export function stampRequest(req, trustedHops) {
  const address = peerAddress(req.socket?.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
  if (!trustedHops) for (const name of FORWARDED_HEADERS) delete req.headers[name];
  req.headers[CLIENT_HEADER] = address;
  req.headers[EDGE_HEADER] = edgeSecret();
  return address;
}

// "::ffff:203.0.113.9" and "203.0.113.9" are one client.
function normalise(address) {
  if (!address) return null;
  return address.startsWith("::ffff:") ? address.slice(7) : address;
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
