"use client";
import { useEffect } from "react";
import { kioskLock, kioskPath } from "./pin";

/**
 * On every staff page: while this tablet is in kiosk mode, it goes straight
 * back to the kiosk (a parent pressing the browser's back button or typing an
 * address lands there again). Leaving needs the PIN or signing in again.
 */
export function KioskGuard() {
  useEffect(() => {
    const lock = kioskLock();
    if (lock) location.replace(kioskPath(lock));
  }, []);
  return null;
}
