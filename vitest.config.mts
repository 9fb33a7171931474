import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // "server-only" throws outside React's server build; unit tests are server code.
      "server-only": path.resolve(import.meta.dirname, "lib/test/empty.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "lib/**/*.test.mjs", "db/**/*.test.ts", "messages/**/*.test.ts", "scripts/**/*.test.mjs"],
    environment: "node",
    // Correctness, not speed: a shared machine under load once took 5.5 s to encrypt a backup twice.
    testTimeout: 30_000,
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    // Not Helsinki, so code that forgets the time zone fails here.
    env: { TZ: "America/Los_Angeles" },
  },
});
