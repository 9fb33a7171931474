import "server-only";
import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "@/db/client";
import { accounts, authSessions, users, verificationTokens } from "@/db/schema";
import { config } from "@/lib/config";
import { translatorFor } from "@/lib/i18n/translator";
import { queueMail } from "@/lib/mail/outbox";
import { activeStaffByEmail } from "./staff";
import { authSecret } from "./secret";

const LINK_MINUTES = 60;

// Lazy, so nothing opens the database while Next builds the app.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const db = getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: authSessions,
      verificationTokensTable: verificationTokens,
    }),
    secret: authSecret(),
    trustHost: true,
    // A working day at the door; a shared tablet signs out by itself overnight.
    session: { strategy: "database", maxAge: 10 * 3600, updateAge: 3600 },
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
              text: [t("staff.email.body", { minutes: LINK_MINUTES }), "", url, "", t("staff.email.ignore")].join("\n"),
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
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
  };
});
