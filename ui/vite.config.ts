import { defineConfig } from "vite";

// Everything is bundled into dist/ and embedded in the binary: no remote content, no CDN.
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    target: "safari15",
    outDir: "dist",
    emptyOutDir: true,
    // No inline scripts or styles, so the strict CSP needs no 'unsafe-inline'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  clearScreen: false,
  server: { port: 1420, strictPort: true },
});
