import { readEnv, type Env } from "./env.mjs";

export type Config = Env;

let cached: Config | undefined;

/** The validated environment (rules in lib/env.mjs), read once; a bad setting fails at boot with every problem listed. */
export function config(): Config {
  if (!cached) {
    const result = readEnv(process.env);
    if (!result.ok) throw new Error(`Invalid environment:\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
    cached = result.env;
  }
  return cached;
}

/** Whether the public address is https: cookies are Secure then, decided by APP_URL, never by what a request claims. */
export const servedOverHttps = (): boolean => new URL(config().APP_URL).protocol === "https:";

/** A link we send (e-mail, text message, QR code): always on APP_URL, never on a host a request names. `path` starts with "/". */
export const publicUrl = (path: string): string => `${config().APP_URL.replace(/\/$/, "")}${path}`;
