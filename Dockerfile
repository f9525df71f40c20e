# syntax=docker/dockerfile:1.7
# The faceauth API image: build, then a runtime stage with production dependencies only (no TypeScript,
# Prettier, Nest CLI, Jest, compilers). docs/deployment.md has the build arguments, the volume and the labels.
#   docker build -t faceauth \
#     --build-arg VERSION="$(node -p "require('./package.json').version")" \
#     --build-arg REVISION="$(git rev-parse HEAD)" --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" .

# The base image, pinned to an exact Node.js 24 LTS patch release (not the moving `node:24-bookworm-slim`).
# A tag can still be re-pushed; pinning the digest as well (`node:24.22.3-bookworm-slim@sha256:…`) makes it
# immutable. The digest is not written here because it could not be resolved where this file was written
# (no access to Docker Hub): add it with `docker buildx imagetools inspect node:24.22.3-bookworm-slim`.
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# Shared by the two stages that install packages: better-sqlite3 compiles its native addon when no prebuilt
# binary matches. None of this reaches the runtime stage.
FROM ${NODE_IMAGE} AS toolchain
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

FROM toolchain AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM toolchain AS prod-deps
COPY package.json package-lock.json ./
# After `npm ci --omit=dev`, removed:
# - devDependencies that production packages name as optional peers (typescript, ts-node, @swc/core and
#   their dependencies): the lockfile marks them "devOptional", which --omit=dev keeps; with them, their
#   optional dependencies (@swc/core's platform binaries). `--omit=optional` would also drop production
#   packages' optional dependencies (native binaries, for one), hence the lockfile;
# - prettier, a dependency of nest-commander's Fig completion, which the CLI does not enable, and type
#   declarations (@types), never loaded at run time;
# - better-sqlite3's SQLite sources and object files (its compiled addon stays).
RUN npm ci --omit=dev --no-audit --no-fund \
  && node -e "const p = require('./package-lock.json').packages, gone = new Set(); \
       for (const [k, v] of Object.entries(p)) if (k && v.devOptional) gone.add(k); \
       for (const k of [...gone]) for (const d of Object.keys(p[k].optionalDependencies || {})) { \
         const n = p[k + '/node_modules/' + d] ? k + '/node_modules/' + d : 'node_modules/' + d; \
         if (p[n] && p[n].optional) gone.add(n); } \
       for (const k of gone) require('fs').rmSync(k, { recursive: true, force: true });" \
  && find node_modules -mindepth 1 -maxdepth 1 -name '@*' -type d -empty -delete \
  && rm -rf node_modules/prettier node_modules/@types \
  && mv node_modules/better-sqlite3/build/Release/better_sqlite3.node /tmp/ \
  && rm -rf node_modules/better-sqlite3/build node_modules/better-sqlite3/deps node_modules/better-sqlite3/src \
  && mkdir -p node_modules/better-sqlite3/build/Release \
  && mv /tmp/better_sqlite3.node node_modules/better-sqlite3/build/Release/
# false: leave out swagger-ui-dist (~12 MB). Only for SWAGGER_ENABLED=false (the production default): with
# SWAGGER_ENABLED=true such an image stops at boot ("Cannot find module 'swagger-ui-dist/absolute-path.js'").
# Declared after the install so that both variants share its layer. Then the build fails if a build tool is
# still there.
ARG WITH_SWAGGER_UI=true
RUN if [ "$WITH_SWAGGER_UI" = false ]; then rm -rf node_modules/swagger-ui-dist; fi \
  && find node_modules/.bin -xtype l -delete \
  && for p in typescript prettier ts-node @swc/core @nestjs/cli jest eslint; do \
       if [ -e "node_modules/$p" ]; then echo "build tooling left in the runtime dependencies: $p" >&2; exit 1; fi; \
     done

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 SQLITE_PATH=/app/data/faceauth.sqlite
WORKDIR /app
# Code and dependencies stay owned by root: the service cannot rewrite them. It writes only to /app/data.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=build /app/dist/apps/cli ./dist/apps/cli
COPY package.json ./
RUN mkdir -p /app/data && chown node:node /app/data
# The SQLite default (SQLITE_PATH) lives here; mount a named volume or a host directory writable by uid 1000.
# Unused with DATABASE_URL (PostgreSQL).
VOLUME ["/app/data"]
# node (uid/gid 1000 in the official image), numeric so that a runtime can check it is not root.
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
STOPSIGNAL SIGTERM

# OCI annotations (https://github.com/opencontainers/image-spec/blob/main/annotations.md). Declared last so
# that a new revision or date does not invalidate the layers above.
ARG NODE_IMAGE
ARG VERSION=""
ARG REVISION=""
ARG CREATED=""
ARG SOURCE=""
LABEL org.opencontainers.image.title="faceauth" \
  org.opencontainers.image.description="Argos Identity FaceAuth re-authentication service (NestJS API; the faceauth CLI is at dist/apps/cli)" \
  org.opencontainers.image.licenses="LicenseRef-UNLICENSED" \
  org.opencontainers.image.version="${VERSION}" \
  org.opencontainers.image.revision="${REVISION}" \
  org.opencontainers.image.created="${CREATED}" \
  org.opencontainers.image.source="${SOURCE}" \
  org.opencontainers.image.base.name="docker.io/library/${NODE_IMAGE}"
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
