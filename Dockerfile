# Miteinander in a container. Build and run (PostgreSQL recommended; see README.md, "Production"):
#   docker build -t miteinander .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e ORIGIN=https://integration.example.de \
#     -e SEED_DEMO=false -e SMTP_URL=smtp://… miteinander
# It runs the production start, exactly `node scripts/server.mjs` (`npm run start:prod`), as the
# systemd unit in deploy/ does and CI (.ci/run) checks against PostgreSQL.

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
# memory bound (README, "Memory"): V8's old space at 256 MB and two malloc arenas
ENV NODE_OPTIONS=--max-old-space-size=256 MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/scripts/server.mjs ./scripts/server.mjs
COPY --from=build /app/src/lib/server/security-headers.js ./src/lib/server/security-headers.js
# the embedded database (PGlite) lives here when DATABASE_URL is not set
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
	CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "scripts/server.mjs"]
