import { z } from "zod";

// Read once, validated, so a typo in the environment fails at boot with a clear message.
const schema = z.object({
  APP_URL: z.url().default("http://localhost:3000"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Kohtaamo <noreply@kohtaamo.local>"),
  EMAIL_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  MANAGE_LINK_DAYS: z.coerce.number().int().min(1).default(30),
  FEEDBACK_LINK_DAYS: z.coerce.number().int().min(1).default(7),
  BOOKING_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  BOOKING_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
  /** Seats one client address may book for one session or group, so nobody can fill an info evening alone. */
  BOOKING_SEATS_PER_CLIENT: z.coerce.number().int().min(1).default(8),
  /** Reverse proxies of our own in front of the app; read by scripts/server.mjs, which sets the client's address. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).default(5000),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}
