import "server-only";
import { servedOverHttps } from "@/lib/config";

/**
 * The flags of a cookie the app sets itself (Auth.js sets its own): never
 * readable by scripts, sent only to this site's pages, and Secure whenever
 * the public address is https (decided by APP_URL, as for Auth.js's cookies).
 */
export const ownCookie = (maxAgeSeconds: number) => ({ httpOnly: true, secure: servedOverHttps(), sameSite: "lax" as const, path: "/", maxAge: maxAgeSeconds });
