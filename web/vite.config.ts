/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In development the Parley server runs on :5080 (dotnet run --project src/Parley.Server);
// Vite proxies the API and the hub so the auth cookie stays same-origin.
const server = process.env.PARLEY_SERVER ?? "http://localhost:5080";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": server,
      "/hubs": { target: server, ws: true },
      "/healthz": server,
    },
  },
  build: { outDir: "dist", sourcemap: true },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
