"use client";
import { useEffect } from "react";
import { forgetDevice } from "@/components/host/door/outbox";

/**
 * On the sign-in page: nothing of a door stays on a device nobody is signed
 * in on. After a sign-out everything goes; when a session merely ran out,
 * the changes not yet sent stay (they name no one) and go after signing in.
 */
export function ForgetDevice({ signedOut }: { signedOut: boolean }) {
  useEffect(() => {
    void forgetDevice({ keepQueue: !signedOut });
  }, [signedOut]);
  return null;
}
