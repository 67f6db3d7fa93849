// Lint: TypeScript rules plus the import boundaries of ../shared/ARCHITECTURE.md's table.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const electronOnlyIn = "only electron/main.ts, preload.ts and ipc.ts may import electron";

export default tseslint.config(
  { ignores: ["dist/**", "release/**", "node_modules/**", "coverage/**", ".tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["shared/**/*.{ts,tsx}"],
    ignores: ["shared/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["electron", "node:*", "fs", "path", "os", "child_process", "http", "https", "net"], message: "shared/ holds no I/O: it runs in both processes" },
          { group: ["**/electron/**", "**/renderer/**", "react", "react-dom"], message: "shared/ imports nothing from the processes it connects" },
        ],
      }],
    },
  },
  {
    files: ["renderer/**/*.{ts,tsx}"],
    ignores: ["renderer/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["electron", "node:*", "fs", "path", "os", "child_process"], message: "the renderer never touches Node or Electron: use renderer/bridge.ts" },
          { group: ["**/electron/**"], message: "the renderer never imports main-process code: use the contract in shared/" },
        ],
      }],
    },
  },
  {
    files: ["electron/**/*.ts"],
    ignores: ["electron/main.ts", "electron/preload.ts", "electron/ipc.ts", "electron/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["electron"], message: electronOnlyIn },
          { group: ["**/renderer/**"], message: "main-process code never imports the renderer" },
        ],
      }],
    },
  },
);
