# The queue worker (`levqor worker`): headless, no UI, no Electron. Its data dir is a cache
# (a run's rows are copied from the shared Postgres each time it claims one), so the
# container needs no volume. Build: docker build -t levqor-worker .
# Run:   docker run --rm -e LEVQOR_DATABASE_URL=postgres://user:pw@db:5432/levqor levqor-worker --concurrency 4
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY . .
# npm ci builds out/ through the prepare script
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/out ./out
COPY --from=build /app/bin ./bin
USER node
# SIGTERM (docker stop) lets running runs finish for --grace, then hands the rest back
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "bin/levqor.js", "--data-dir", "/tmp/levqor-worker", "worker"]
