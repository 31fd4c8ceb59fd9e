# Portico gateway image: Node 20, production dependencies only; TypeScript runs through tsx (no build step to forget).
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY config ./config
COPY mocks ./mocks
COPY tsconfig.json ./
USER node
EXPOSE 8080
# exec form: the gateway is PID 1's child-free process and receives SIGTERM directly for a graceful stop.
CMD ["node", "bin/portico.js", "start"]
