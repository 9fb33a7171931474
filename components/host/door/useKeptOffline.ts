"use client";
import { useEffect } from "react";

/** The cache public/sw.js keeps door pages in; a closed session's page is taken out of it here. */
const PAGES = "door-pages-v1";

/** What the worker shows, in the staff member's language, for a door page it has not kept. */
export type OfflineText = { lang: string; title: string; body: string; retry: string };

/**
 * Installs the door's service worker (public/sw.js) and asks it to keep this
 * page and the files it loaded, so the screen opens again without a network.
 * A closed session's page is dropped at once: its roster has no reason to stay.
 */
export function useKeptOffline(keep: boolean, offline: OfflineText) {
  const { lang, title, body, retry } = offline;
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const page = location.pathname;
    if (!keep) {
      void caches.open(PAGES).then((c) => c.delete(page));
      return;
    }
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const assets = performance
          .getEntriesByType("resource")
          .map((e) => e.name)
          .filter((u) => u.startsWith(`${location.origin}/_next/static/`));
        registration.active?.postMessage({ type: "keep", page, assets, offline: { lang, title, body, retry } });
      })
      .catch(() => {
        // Without a service worker the door still works online, and its queue still survives a reload.
      });
  }, [keep, lang, title, body, retry]);
}
