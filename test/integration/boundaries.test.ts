// Lint: the import boundaries of the architecture are enforced, checked by linting code that
// crosses each boundary the wrong way (and code that stays inside it).
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import boundaries", () => {
  it("keeps shared/ free of I/O and of either process", async () => {
    expect(await boundaryErrors("shared/probe.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n')).not.toHaveLength(0);
    expect(await boundaryErrors("shared/probe.ts", 'import { x } from "../electron/app";\nexport const y = x;\n')).not.toHaveLength(0);
    expect(await boundaryErrors("shared/probe.ts", 'import { z } from "zod";\nexport const y = z;\n')).toHaveLength(0);
  });

  it("keeps the renderer away from Node, Electron and main-process code", async () => {
    expect(await boundaryErrors("renderer/probe.ts", 'import { ipcRenderer } from "electron";\nexport const x = ipcRenderer;\n')).not.toHaveLength(0);
    expect(await boundaryErrors("renderer/probe.ts", 'import { createAppCore } from "../electron/app";\nexport const x = createAppCore;\n')).not.toHaveLength(0);
    expect(await boundaryErrors("renderer/probe.ts", 'import { channels } from "../shared/contract";\nexport const x = channels;\n')).toHaveLength(0);
  });

  it("lets only main.ts, preload.ts and ipc.ts import electron", async () => {
    const code = 'import { app } from "electron";\nexport const x = app;\n';
    expect(await boundaryErrors("electron/services/probe.ts", code)).not.toHaveLength(0);
    expect(await boundaryErrors("electron/web.ts", code)).not.toHaveLength(0);
    expect(await boundaryErrors("electron/ipc.ts", code)).toHaveLength(0);
    expect(await boundaryErrors("electron/main.ts", code)).toHaveLength(0);
  });
});
