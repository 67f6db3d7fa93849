// End-to-end (Chromium, web mode): the RAG lab embeds a document's chunks, answers a question from
// them with a citation that points at a retrieved chunk, and answers "not found" when it is absent.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pageSuite } from "./harness";

const DOCUMENT = [
  "Bread dough must rise for two hours in a warm place. Bake the loaf at 220 degrees for thirty minutes.",
  "The office opens at nine in the morning and closes at five. Visitors sign in at the front desk.",
  "Rivers carry water to the sea. The Nile is the longest river in Africa.",
].join("\n\n");

let page: Page;
let previewBeforeEmbedding: string[] = [];

pageSuite(async (suite) => {
  page = suite.page;
  await page.getByTestId("nav-rag").click();
  await page.getByTestId("rag-paste").fill(DOCUMENT);
  await page.getByTestId("rag-chunk-size").fill("120");
  await page.getByTestId("rag-chunk-overlap").fill("20");
  // The chunks show before anything is embedded or retrieved.
  await page.getByTestId("rag-chunk-preview").waitFor();
  previewBeforeEmbedding = await page.getByTestId("rag-preview-chunk").allInnerTexts();
  await page.getByTestId("rag-embed").click();
  await page.getByTestId("rag-index-status").waitFor({ timeout: 20_000 });
});

async function ask(question: string): Promise<void> {
  await page.getByTestId("rag-question").fill(question);
  await page.getByTestId("rag-ask").click();
  // Wait for this question's results, not the previous question's.
  await page.locator(`[data-testid="rag-results"][data-status="done"][data-asked="${question}"]`).waitFor({ timeout: 30_000 });
}

describe("RAG lab", () => {
  it("lists the chunks, with where each came from, before anything is retrieved", async () => {
    expect(previewBeforeEmbedding).toHaveLength(3);
    expect(previewBeforeEmbedding[0]).toMatch(/^#1 · Pasted text · characters 0–\d+ \(\d+\)\s*Bread dough must rise/);
    expect(previewBeforeEmbedding[2]).toContain("Rivers carry water to the sea.");
    // The same chunks are the ones embedded.
    expect(await page.getByTestId("rag-index-status").textContent()).toMatch(/^3 chunks embedded/);
  });

  it("shows the chunking and answers with a citation that links to a retrieved chunk", async () => {
    expect(await page.getByTestId("rag-chunk-summary").textContent()).toContain("3 chunk(s) of at most 120 characters");
    await ask("How long must bread dough rise?");
    const grounded = page.getByTestId("rag-grounded");
    expect(await grounded.textContent()).toContain("simulated");
    const citation = grounded.getByTestId("rag-citation").first();
    const n = Number(await citation.getAttribute("data-chunk"));
    const chunks = page.getByTestId("rag-chunk");
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(await chunks.count());
    expect(await chunks.nth(n - 1).textContent()).toContain("Bread dough must rise for two hours");
    await citation.click();
    expect(await chunks.nth(n - 1).getAttribute("class")).toContain("rag-chunk-highlight");
    expect(await grounded.getByTestId("rag-citation-invalid").count()).toBe(0);
    expect(await page.getByTestId("rag-check-citations-valid").getAttribute("data-ok")).toBe("true");
    expect(await page.getByTestId("rag-check-not-found-when-absent").getAttribute("data-ok")).toBe("true");
    // The same question without retrieval, side by side: no citations there.
    expect(await page.getByTestId("rag-plain").getByTestId("rag-answer-text").textContent()).not.toMatch(/\[\d\]/);
  });

  it('answers "not found" when no chunk holds the answer, and the check agrees', async () => {
    await ask("What is the capital city of Peru?");
    const text = await page.getByTestId("rag-grounded").getByTestId("rag-answer-text").textContent();
    expect(text).toMatch(/^NOT FOUND/);
    expect(await page.getByTestId("rag-grounded").getByTestId("rag-citation").count()).toBe(0);
    expect(await page.getByTestId("rag-check-not-found-when-absent").getAttribute("data-ok")).toBe("true");
    expect(await page.getByTestId("rag-check-not-found-when-absent").textContent()).toContain("answer says not found");
  });
});
