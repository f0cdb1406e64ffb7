import { defineConfig, mergeConfig } from "vite";

import base from "./vite.config";

// The screens with the Rust side replaced by tests/ui/mock-backend.ts, for the Chromium tests (never shipped).
export default mergeConfig(
  base,
  defineConfig({
    build: { outDir: "dist-mock", rollupOptions: { input: "mock.html" } },
  }),
);
