# The command-line generator as a small image for batch engines (deploy/README.md): Node and the bundled CLI
# (one file per entry, no node_modules at run time), run as a non-root user. Build: docker build -t fincrime-synth:0.1.0 .
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build:cli

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/bin ./bin
COPY --from=build /src/dist-cli ./dist-cli
COPY deploy/shard-run.sh /usr/local/bin/shard-run
RUN ln -s /app/bin/fincrime-synth.mjs /usr/local/bin/fincrime-synth && chmod 755 /usr/local/bin/shard-run /app/bin/fincrime-synth.mjs
USER node
ENTRYPOINT ["fincrime-synth"]
CMD ["--help"]
