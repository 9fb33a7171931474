# Kohtaamo in a container: built in one stage, run in a smaller one as a non-root user, with the
# database on a volume at /data. See docs/deploy.md ("In a container"); this file was written
# where no container runtime runs, so it is kept simple and conventional.
#
#   docker build -t kohtaamo .
#   docker run -d --name kohtaamo -p 127.0.0.1:3000:3000 -v kohtaamo-data:/data \
#     --env-file /etc/kohtaamo/kohtaamo.env kohtaamo

# ---- build: all dependencies (better-sqlite3 compiles here when no prebuilt binary is found)
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install` honours the lockfile; `npm ci` refuses a lock written on a registry that lacks other platforms' optional packages.
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

# ---- runtime: the built app and its production dependencies only
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATABASE_PATH=/data/kohtaamo.db \
    BACKUP_DIR=/data/backups \
    PORT=3000 \
    HOST=0.0.0.0 \
    NODE_OPTIONS=--max-old-space-size=256
WORKDIR /app
# Owned by root and read-only to the app; only /data is its own.
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The app's own server (scripts/server.mjs): it handles SIGTERM itself, so `docker stop` shuts it down cleanly.
CMD ["node", "scripts/server.mjs", "--port", "3000", "--hostname", "0.0.0.0"]
