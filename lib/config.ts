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
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).default(5000),
  /** Days after a concern is resolved when its contact details are erased. */
  CONCERN_CONTACT_DAYS: z.coerce.number().int().min(1).default(90),
  /** Who runs the service, as the privacy page and the concern's thanks page name them. */
  ORGANISATION_NAME: z.string().trim().min(1).default("Kohtaamo-demo ry"),
  ORGANISATION_CONTACT: z.string().trim().min(1).default("tietosuoja@kohtaamo.local, 040 000 0000"),
  /** The organisation's own words on its independence from the authorities; empty: the app's default text. */
  ORGANISATION_STATEMENT_FI: z.string().trim().optional(),
  ORGANISATION_STATEMENT_SV: z.string().trim().optional(),
  ORGANISATION_STATEMENT_EN: z.string().trim().optional(),
  /** The wellbeing services county's social welfare ombudsman (sosiaaliasiavastaava): the official route for a concern. */
  OMBUDSMAN_NAME: z.string().trim().min(1).default("Demo-hyvinvointialueen sosiaaliasiavastaava"),
  OMBUDSMAN_CONTACT: z.string().trim().min(1).default("sosiaaliasiavastaava@hyvinvointialue.example, 09 000 0000"),
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
