# The helpline as one container; Redis runs beside it (compose.yaml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY locales ./locales
COPY public ./public
COPY scripts ./scripts
# Compile to dist/ and train once at build time; the server then loads the models when it starts.
RUN npm run --silent build && npm run --silent model:build
# Report events wait here while Redis is unreachable.
RUN mkdir -p /app/.spool && chown node:node /app/.spool
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# SIGTERM stops the server gracefully (finishes turns in flight, closes Redis).
CMD ["node", "--max-old-space-size=128", "--v8-pool-size=1", "dist/server.js"]
