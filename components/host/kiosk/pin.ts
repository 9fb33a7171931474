"use client";

/**
 * The feedback kiosk's lock, on this tablet only: which session's kiosk is
 * open, and the staff member's PIN for leaving it as a salted PBKDF2 hash in
 * localStorage. The PIN is never sent: it only has to keep a parent holding
 * the tablet from walking into the staff screens, and signing in again
 * (which empties this, see forgetDevice) is the way out without it.
 */
const KEY = "kohtaamo-kiosk";

export type KioskLock = { sessionId: number; locale: string; salt: string; hash: string };

export const PIN_SHAPE = /^\d{4,8}$/;

const hex = (bytes: ArrayBuffer | Uint8Array) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

async function derive(pin: string, salt: string): Promise<string> {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: new TextEncoder().encode(salt), iterations: 200_000 }, material, 256);
  return hex(bits);
}

export function kioskLock(): KioskLock | null {
  try {
    const raw = localStorage.getItem(KEY);
    const lock = raw ? (JSON.parse(raw) as KioskLock) : null;
    return lock && Number.isInteger(lock.sessionId) && typeof lock.hash === "string" ? lock : null;
  } catch {
    return null;
  }
}

export const kioskPath = (lock: Pick<KioskLock, "locale" | "sessionId">) => `/${lock.locale}/host/sessions/${lock.sessionId}/kiosk`;

export async function lockKiosk(sessionId: number, locale: string, pin: string): Promise<void> {
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
  localStorage.setItem(KEY, JSON.stringify({ sessionId, locale, salt, hash: await derive(pin, salt) } satisfies KioskLock));
}

/** True, and the lock gone, when the PIN is the one set on entering. */
export async function unlockKiosk(pin: string): Promise<boolean> {
  const lock = kioskLock();
  if (!lock || !PIN_SHAPE.test(pin) || (await derive(pin, lock.salt)) !== lock.hash) return false;
  forgetKiosk();
  return true;
}

export function forgetKiosk() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Storage refused (a private window): nothing was kept either.
  }
}
