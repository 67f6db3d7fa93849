// Build: the renderer bundle, served by Electron from disk or by the web host from dist/renderer.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

export default defineConfig({
  root: fileURLToPath(new URL("./renderer", import.meta.url)),
  base: "./",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/renderer", import.meta.url)),
    emptyOutDir: true,
    // No source maps in the shipped renderer: the web host would serve them (1.8 MB, sources
    // included). DOJO_SOURCEMAP=1 builds them for local debugging.
    sourcemap: process.env.DOJO_SOURCEMAP === "1",
    target: "chrome120",
  },
});
