// End-to-end (Chromium, web mode): embed a set in the embeddings lab, read a similarity off the
// heat map, and search it by keywords and by meaning.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { simdModuleBytes } from "../../shared/simdKernel";
import { pageSuite } from "./harness";

const TEXTS = ["The cat sat on the mat.", "A cat naps on the rug.", "Stock markets fell sharply today.", "Investors sold stock as markets fell.", "Bake bread in a hot oven."];

let page: Page;

pageSuite(async (suite) => {
  page = suite.page;
  await page.getByTestId("nav-embeddings").click();
});

/** Hovers the centre of cell (row, column) of the n x n heat map and returns the value shown. */
async function readCell(row: number, column: number, n: number): Promise<number> {
  const map = page.getByTestId("heatmap");
  const box = await map.boundingBox();
  if (!box) throw new Error("the heat map is not visible");
  await map.hover({ position: { x: ((column + 0.5) / n) * box.width, y: ((row + 0.5) / n) * box.height } });
  return Number(await page.getByTestId("heatmap-value").textContent());
}

describe("embeddings lab", () => {
  it("embeds a set (Ctrl+Enter from the texts) and shows how many vectors of which width came back, labelled simulated", async () => {
    await page.getByTestId("embed-texts").fill(TEXTS.join("\n"));
    await page.getByTestId("embed-dimensions").fill("256");
    // Ctrl+Enter in the texts box embeds, as the Embed button does.
    await page.getByTestId("embed-texts").focus();
    await page.keyboard.press("Control+Enter");
    const summary = page.getByTestId("embed-summary");
    await summary.waitFor({ timeout: 20_000 });
    expect(await summary.textContent()).toMatch(/5 texts x 256 dimensions with sim-embedding-1\s*simulated vectors/);
    await page.getByTestId("heatmap-status").filter({ hasText: "5 x 5 cosine similarities" }).waitFor();
  });

  it("reads similarities off the heat map: 1 on the diagonal, related texts above unrelated ones", async () => {
    expect(await readCell(2, 2, 5)).toBeCloseTo(1, 3);
    const cats = await readCell(0, 1, 5);
    const catAndStocks = await readCell(0, 2, 5);
    expect(await page.getByTestId("heatmap-hover").textContent()).toContain('between "1. The cat sat on the mat." and "3. Stock markets fell sharply today."');
    expect(cats).toBeGreaterThan(catAndStocks);
    expect(await readCell(1, 0, 5)).toBe(cats);
  });

  it("labels every row and column of a small heat map, and shows the cell's value and texts in a tooltip", async () => {
    const rows = await page.getByTestId("heatmap-row-labels").locator("span").allInnerTexts();
    expect(rows).toEqual(TEXTS.map((t, i) => `${i + 1}. ${t.length > 28 ? `${t.slice(0, 27)}…` : t}`));
    expect(await page.getByTestId("heatmap-column-labels").locator("span").allInnerTexts()).toEqual(["1", "2", "3", "4", "5"]);
    const value = await readCell(3, 2, 5);
    const tooltip = page.getByTestId("heatmap-tooltip");
    expect(await tooltip.textContent()).toBe(`${value.toFixed(3)}row 4: ${TEXTS[3]}column 3: ${TEXTS[2]}`);
    await page.mouse.move(0, 0);
    await tooltip.waitFor({ state: "detached" });
  });

  it("ranks texts for a query by keywords and by meaning, side by side", async () => {
    await page.getByTestId("search-query").fill("stock investors");
    await page.getByTestId("search-button").click();
    const semantic = page.getByTestId("semantic-results").locator("li");
    await semantic.first().waitFor();
    expect(await semantic.first().textContent()).toContain("Investors sold stock as markets fell.");
    expect(await semantic.count()).toBe(5);
    const keyword = page.getByTestId("keyword-results").locator("li");
    // BM25 only lists texts sharing a word with the query: the two about stocks.
    expect(await keyword.count()).toBe(2);
    expect(await keyword.first().textContent()).toContain("Investors sold stock as markets fell.");
  });

  it("lists the nearest neighbours of a chosen text and plots every text", async () => {
    await page.getByTestId("neighbour-select").selectOption({ index: 2 });
    await page.getByTestId("neighbour-results").locator("li").first().filter({ hasText: "Investors sold stock" }).waitFor();
    expect(await page.getByTestId("pca-point").count()).toBe(5);
  });

  it("searches on the wasm SIMD kernel: the vector worker's CSP lets it compile (wasm-unsafe-eval), so no silent JS fallback", async () => {
    const worker = page.workers().find((w) => /vectorWorker/.test(w.url()));
    expect(worker, page.workers().map((w) => w.url()).join(", ")).toBeTruthy();
    const bytes = Array.from(simdModuleBytes());
    const compiled = await worker!.evaluate((b) => {
      try {
        new WebAssembly.Module(Uint8Array.from(b));
        return "compiled";
      } catch (err) {
        return String(err);
      }
    }, bytes);
    expect(compiled).toBe("compiled");
  });
});
