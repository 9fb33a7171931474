import "server-only";
import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "@/db/client";
import { accounts, authSessions, users, verificationTokens } from "@/db/schema";
import { config, servedOverHttps } from "@/lib/config";
import { translatorFor } from "@/lib/i18n/translator";
import { queueMail } from "@/lib/mail/outbox";
import { onAppUrl, redirectOnAppUrl } from "./links";
import { hashedSessions, newSessionToken } from "./sessions";
import { activeStaffByEmail, activeStaffById } from "./staff";
import { authSecret } from "@/lib/secret";

export const LINK_MINUTES = 60;
export const INVITE_DAYS = 7;
export const INVITE_PROVIDER = "invite";

// Lazy, so nothing opens the database while Next builds the app.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const db = getDb();
  const appUrl = config().APP_URL;
  // Auth.js builds its own URLs from AUTH_URL when it is set, and from the request's Host and
  // X-Forwarded-* headers when it is not: a sign-in link must never point where a header says.
  process.env.AUTH_URL = appUrl;
  return {
    adapter: {
      ...DrizzleAdapter(db, {
        usersTable: users,
        accountsTable: accounts,
        sessionsTable: authSessions,
        verificationTokensTable: verificationTokens,
      }),
      ...hashedSessions(db),
    },
    secret: authSecret(),
    trustHost: true,
    // Secure cookies follow the public address, not whatever protocol a proxy reports.
    useSecureCookies: servedOverHttps(),
    // A working day at the door; a shared tablet signs out by itself overnight (and after 12 h at most, see sessions.ts).
    session: { strategy: "database", maxAge: 10 * 3600, updateAge: 3600, generateSessionToken: () => newSessionToken() },
    pages: { signIn: "/staff/sign-in", verifyRequest: "/staff/check-email", error: "/staff/sign-in" },
    providers: [
      Nodemailer({
        server: config().SMTP_URL ?? "smtp://localhost:25",
        from: config().MAIL_FROM,
        maxAge: LINK_MINUTES * 60,
        // Through the outbox like every other message: a mail server that is down delays the link, never loses it.
        sendVerificationRequest({ identifier, url }) {
          const staff = activeStaffByEmail(db, identifier);
          const { t } = translatorFor(staff?.locale ?? "fi");
          queueMail(db, {
            kind: "staff_sign_in",
            recipient: identifier,
            notBefore: new Date(),
            rendered: {
              subject: t("staff.email.subject"),
              text: [t("staff.email.body", { minutes: LINK_MINUTES }), "", onAppUrl(url), "", t("staff.email.ignore")].join("\n"),
            },
          });
        },
      }),
      // The same kind of link, valid for a week, sent when a planner invites someone.
      Nodemailer({
        id: INVITE_PROVIDER,
        name: "Invitation",
        server: config().SMTP_URL ?? "smtp://localhost:25",
        from: config().MAIL_FROM,
        maxAge: INVITE_DAYS * 86_400,
        sendVerificationRequest({ identifier, url }) {
          const staff = activeStaffByEmail(db, identifier);
          const inviter = staff?.invitedBy ? activeStaffById(db, staff.invitedBy) : null;
          const { t } = translatorFor(staff?.locale ?? "fi");
          const signInPage = onAppUrl(`/${staff?.locale ?? "fi"}/staff/sign-in`);
          queueMail(db, {
            kind: "staff_invite",
            recipient: identifier,
            notBefore: new Date(),
            rendered: {
              subject: t("staff.invitation.subject"),
              text: [
                t("staff.invitation.body", { inviter: inviter?.name ?? inviter?.email ?? "Kohtaamo", days: INVITE_DAYS }),
                "",
                onAppUrl(url),
                "",
                t("staff.invitation.later", { url: signInPage }),
                "",
                t("staff.invitation.ignore"),
              ].join("\n"),
            },
          });
        },
      }),
    ],
    callbacks: {
      // Only invited, active staff: checked against the database at the request and again at the link.
      signIn({ user }) {
        return Boolean(user.email && activeStaffByEmail(db, user.email));
      },
      // Only to our own pages, whatever callbackUrl a request carried.
      redirect({ url }) {
        return redirectOnAppUrl(url);
      },
      // What /api/auth/session answers: never the session token or the rest of the user's row.
      session({ session, user }) {
        return { user: { id: user.id, name: user.name ?? null, email: user.email }, expires: session.expires } as typeof session;
      },
    },
  };
});
