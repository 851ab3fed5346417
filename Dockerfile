# The command-line generator as a small image for batch engines (deploy/README.md): the compiled CLI and its
# runtime dependencies only, run as a non-root user. Build: docker build -t fincrime-synth:0.1.0 .
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build:cli && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist/cli ./dist/cli
COPY deploy/shard-run.sh /usr/local/bin/shard-run
RUN ln -s /app/dist/cli/main.js /usr/local/bin/fincrime-synth && chmod 755 /usr/local/bin/shard-run /app/dist/cli/main.js
USER node
ENTRYPOINT ["fincrime-synth"]
CMD ["--help"]
