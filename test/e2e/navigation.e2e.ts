// End-to-end: moving around by keyboard in Chromium: the command palette, the view shortcuts and
// their list under `?`, Ctrl+Enter inside Monaco, and the theme.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { callApp, makeDataDir, openApp, pageSuite, removeDataDir, startApp, type PageSuite } from "./harness";

let suite: PageSuite;
pageSuite(async (s) => {
  suite = s;
});

const shownView = (page: Page) => page.getByTestId("view").getAttribute("data-view");
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName ?? null);

describe("command palette", () => {
  it("finds a lesson by typing, moves with the arrows, opens it with Enter and closes", async () => {
    const { page } = suite;
    await page.getByTestId("param-max-tokens").focus();
    await page.keyboard.press("Control+K");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.waitFor({ state: "visible" });
    expect(await focusedTestId(page)).toBe("palette-input");
    // Lessons arrive from the main side: typing part of a title finds lesson 7.
    await page.keyboard.type("system vs user");
    const options = page.getByTestId("palette-list").getByRole("option");
    await expect.poll(() => options.first().getAttribute("data-id"), { timeout: 10_000 }).toBe("lesson:system-vs-user");
    expect(await options.first().getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("lesson-view").getAttribute("data-lesson-id"), { timeout: 10_000 }).toBe("system-vs-user");
    expect(await shownView(page)).toBe("lessons");
    expect(await palette.count()).toBe(0);

    // Arrows move the selection; Escape closes and the focus goes back to where it was.
    await page.getByTestId("nav-playground").click();
    await page.getByTestId("param-max-tokens").focus();
    await page.keyboard.press("Control+K");
    await palette.waitFor({ state: "visible" });
    await page.keyboard.type("e");
    const selected = () => page.locator('[data-testid="palette-option"][aria-selected="true"]').getAttribute("data-id");
    const first = await selected();
    await page.keyboard.press("ArrowDown");
    const second = await selected();
    expect(second).not.toBe(first);
    await page.keyboard.press("ArrowUp");
    expect(await selected()).toBe(first);
    await page.keyboard.press("Escape");
    await palette.waitFor({ state: "detached" });
    expect(await focusedTestId(page)).toBe("param-max-tokens");
  });

  it("finds views and actions, says when nothing matches, and the header button opens it", async () => {
    const { page } = suite;
    await page.getByTestId("palette-open").click();
    await page.getByTestId("palette-input").fill("reliab");
    const first = page.getByTestId("palette-option").first();
    await expect.poll(() => first.getAttribute("data-id")).toBe("view:reliability");
    await page.getByTestId("palette-input").fill("zzqqxx");
    await page.getByTestId("palette-empty").waitFor({ state: "visible" });
    expect(await page.getByTestId("palette-option").count()).toBe(0);
    // An action: "New experiment" opens the Experiments view with its name field focused.
    await page.getByTestId("palette-input").fill("new exp");
    await expect.poll(() => first.getAttribute("data-id")).toBe("action:new-experiment");
    await first.click();
    await expect.poll(() => shownView(page)).toBe("experiments");
    await expect.poll(() => focusedTestId(page)).toBe("experiment-name");
    // A click outside the dialog closes it.
    await page.keyboard.press("Control+K");
    await page.getByTestId("palette").waitFor({ state: "visible" });
    await page.mouse.click(5, 5);
    await page.getByTestId("palette").waitFor({ state: "detached" });
  });

  it("finds a saved experiment and opens it", async () => {
    const page = await openApp(suite.browser, suite.app);
    await page.getByTestId("nav-experiments").click();
    await page.getByTestId("experiment-name").fill("Palette target");
    await page.getByTestId("experiment-create").click();
    await page.getByTestId("experiments-message").waitFor({ state: "visible", timeout: 10_000 });
    await page.getByTestId("nav-playground").click();
    await page.keyboard.press("Control+K");
    await page.getByTestId("palette-input").fill("palette targ");
    const first = page.getByTestId("palette-option").first();
    await expect.poll(() => first.innerText(), { timeout: 10_000 }).toContain("Palette target");
    await page.keyboard.press("Enter");
    await expect.poll(() => shownView(page)).toBe("experiments");
    // A fresh page has no experiment open: the detail comes from the palette's choice.
    await expect.poll(() => page.getByTestId("experiment-rename").inputValue(), { timeout: 10_000 }).toBe("Palette target");
    await page.close();
  });

  it("inside a Monaco editor, leaves Ctrl+K to the editor's chords and opens on Ctrl+Shift+P", async () => {
    const page = await openApp(suite.browser, suite.app);
    const editor = page.getByTestId("raw-json").locator(".monaco-editor");
    await editor.waitFor({ timeout: 20_000 });
    // A click (not a bare focus) gives Monaco the text focus its key bindings ask for.
    await editor.locator(".view-lines").click();
    const lines = () => editor.locator(".view-line").count();
    const before = await lines();
    expect(before).toBeGreaterThan(3);
    // Ctrl+K Ctrl+0 is Monaco's "fold all": the body folds to its first line, and no palette opens.
    await page.keyboard.press("Control+K");
    await page.keyboard.press("Control+0");
    await expect.poll(lines, { timeout: 5_000 }).toBeLessThan(before);
    expect(await page.getByTestId("palette").count()).toBe(0);
    await page.keyboard.press("Control+K");
    await page.keyboard.press("Control+J"); // unfold all
    await expect.poll(lines, { timeout: 5_000 }).toBe(before);
    await page.keyboard.press("Control+Shift+P");
    await page.getByTestId("palette").waitFor({ state: "visible", timeout: 5_000 });
    await page.keyboard.press("Escape");
    await page.getByTestId("palette").waitFor({ state: "detached" });
    await page.close();
  });
});

describe("view shortcuts", () => {
  it("lists the shortcuts under ?, closes on Escape, and G then a letter switches views", async () => {
    const page = await openApp(suite.browser, suite.app);
    await page.getByTestId("nav-playground").focus();
    await page.keyboard.press("Shift+Slash");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor({ state: "visible" });
    expect(await page.getByTestId("shortcut-evals").innerText()).toMatch(/G\s*E\s*Evals/);
    expect(await page.getByTestId("shortcut-lessons").innerText()).toMatch(/G\s*L\s*Lessons/);
    expect(await help.innerText()).toContain("Command palette");
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "detached" });
    expect(await focusedTestId(page)).toBe("nav-playground");

    await page.keyboard.press("g");
    await page.keyboard.press("e");
    await expect.poll(() => shownView(page)).toBe("evals");
    expect(await page.evaluate(() => window.location.hash)).toBe("#/evals");
    await page.keyboard.press("g");
    await page.keyboard.press("l");
    await expect.poll(() => shownView(page)).toBe("lessons");
    // Back goes to the view the shortcut left.
    await page.goBack();
    await expect.poll(() => shownView(page)).toBe("evals");
    // A letter without G, or after G has timed out, does nothing.
    await page.keyboard.press("u");
    await page.keyboard.press("g");
    await page.waitForTimeout(1700);
    await page.keyboard.press("u");
    await page.waitForTimeout(200);
    expect(await shownView(page)).toBe("evals");
    await page.close();
  });

  it("leaves ? and G alone while typing in a text field", async () => {
    const page = await openApp(suite.browser, suite.app);
    const content = page.getByTestId("message-content").first();
    await content.fill("");
    await content.focus();
    await page.keyboard.type("?ge");
    expect(await content.inputValue()).toBe("?ge");
    expect(await page.getByTestId("shortcuts").count()).toBe(0);
    expect(await shownView(page)).toBe("playground");
    await page.close();
  });
});

describe("Ctrl+Enter", () => {
  it("runs the playground request from inside a Monaco editor, without inserting a line", async () => {
    const page = await openApp(suite.browser, suite.app);
    const editor = page.getByTestId("raw-json").locator(".monaco-editor");
    await editor.waitFor({ timeout: 20_000 });
    // A short request (pasted, so Monaco does not auto-close it), so every line number is on screen.
    await editor.click();
    await page.keyboard.press("Control+A");
    // The raw view shows the body of the draft's API: Responses, the simulator's default.
    const request = '{\n  "model": "sim-chat-1",\n  "input": [{ "role": "user", "content": "Say hi" }]\n}';
    await editor.locator("textarea").evaluate((area, pasted) => {
      const data = new DataTransfer();
      data.setData("text/plain", pasted);
      area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, request);
    const lastLine = () => editor.locator(".line-numbers").evaluateAll((els) => Math.max(...els.map((e) => Number(e.textContent) || 0)));
    await expect.poll(lastLine).toBe(4);
    await expect.poll(() => page.getByTestId("message-content").first().inputValue()).toBe("Say hi");
    // The cursor in the middle of the text, where Monaco's own Ctrl+Enter would insert a line below.
    await page.keyboard.press("Control+Home");
    expect(await page.getByTestId("answer").getAttribute("data-status")).toBe("idle");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
    expect(await lastLine()).toBe(4);
    // The editor keeps the focus and its ordinary editing: Enter still breaks a line there.
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await expect.poll(lastLine).toBe(5);
    await page.close();
  });

  it("runs the shown view's main action elsewhere too: Compare from a variant's field, the Injection lab from anywhere", async () => {
    const page = await openApp(suite.browser, suite.app);
    await page.getByTestId("nav-compare").click();
    const variants = page.getByTestId("compare-variant");
    await expect.poll(() => variants.count()).toBe(2);
    await variants.nth(0).getByTestId("variant-temperature").focus();
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => variants.evaluateAll((els) => els.map((e) => e.getAttribute("data-status"))), { timeout: 30_000 }).toEqual(["done", "done"]);

    await page.getByTestId("nav-injection").click();
    await page.getByTestId("injection-run").waitFor();
    expect(await page.locator('[data-testid="score-row"]').count()).toBe(0);
    // Nothing focused: the key goes to the page itself.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Control+Enter");
    await page.locator('[data-testid="score-row"]').first().waitFor({ timeout: 60_000 });
    await page.close();
  });
});

describe("theme", () => {
  const colours = (page: Page) =>
    page.evaluate(() => ({
      theme: document.documentElement.dataset.theme,
      body: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
      nav: getComputedStyle(document.querySelector(".app-nav")!).backgroundColor,
    }));
  const monacoIsDark = (page: Page) => page.locator(".monaco-editor").first().evaluate((el) => el.classList.contains("vs-dark"));

  it("switches to dark (page and Monaco), survives a reload, and follows the system when asked", async () => {
    const page = await openApp(suite.browser, suite.app);
    await page.getByTestId("raw-json").locator(".monaco-editor").waitFor({ timeout: 20_000 });
    const light = await colours(page);
    expect(light).toEqual({ theme: "light", body: "rgb(246, 247, 249)", text: "rgb(27, 31, 36)", nav: "rgb(255, 255, 255)" });
    expect(await monacoIsDark(page)).toBe(false);

    await page.getByTestId("theme-select").selectOption("dark");
    expect(await colours(page)).toEqual({ theme: "dark", body: "rgb(13, 17, 23)", text: "rgb(230, 237, 243)", nav: "rgb(22, 27, 34)" });
    await expect.poll(() => monacoIsDark(page)).toBe(true);

    await page.reload();
    await page.getByTestId("raw-json").locator(".monaco-editor").waitFor({ timeout: 20_000 });
    expect((await colours(page)).theme).toBe("dark");
    expect(await page.getByTestId("theme-select").inputValue()).toBe("dark");
    expect(await monacoIsDark(page)).toBe(true);

    // "System": the page follows the system's colour scheme as it changes.
    await page.getByTestId("theme-select").selectOption("system");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(async () => (await colours(page)).theme).toBe("dark");
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(async () => (await colours(page)).theme).toBe("light");
    await expect.poll(() => monacoIsDark(page)).toBe(false);
    await page.close();
  });

  it("keeps the choice across a restart of the app, in the settings file (web mode's port, so its storage, changes)", async () => {
    const dataDir = makeDataDir();
    let app = await startApp(dataDir);
    try {
      let page = await openApp(suite.browser, app);
      await page.getByTestId("theme-select").selectOption("dark");
      await expect.poll(() => callApp<{ theme?: string }>(app, "ui.prefs.get").then((p) => p.theme)).toBe("dark");
      await page.close();
      await app.stop();
      const firstOrigin = app.origin;
      app = await startApp(dataDir);
      // A new port (a new origin) and a fresh browser context: no browser storage carries it over.
      expect(app.origin).not.toBe(firstOrigin);
      page = await openApp(suite.browser, app);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
      expect(await page.getByTestId("theme-select").inputValue()).toBe("dark");
      // The other preferences were kept with it.
      expect(await callApp(app, "ui.prefs.get")).toMatchObject({ welcomeSeen: true, theme: "dark" });
      await page.close();
    } finally {
      await app.stop();
      removeDataDir(dataDir);
    }
  });

  it("switches from the palette too", async () => {
    const page = await openApp(suite.browser, suite.app);
    await page.emulateMedia({ colorScheme: "light" });
    await page.keyboard.press("Control+K");
    await page.getByTestId("palette-input").fill("switch theme");
    await expect.poll(() => page.getByTestId("palette-option").allInnerTexts()).toEqual([
      expect.stringContaining("Theme: light"),
      expect.stringContaining("Theme: dark"),
      expect.stringContaining("Theme: follow the system"),
    ]);
    await page.getByTestId("palette-input").fill("theme dark");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await page.getByTestId("theme-select").inputValue()).toBe("dark");
    // Back to the default for the other tests of this file.
    await page.getByTestId("theme-select").selectOption("system");
    await page.close();
  });
});

/** Text on the page whose colour has less than WCAG AA contrast with the background behind it. */
interface LowContrast {
  text: string;
  ratio: number;
  colour: string;
  background: string;
  where: string;
}

/** Measures every visible text of the page (outside Monaco, which has its own theme). */
function measureContrast(page: Page): Promise<{ checked: number; min: number; low: LowContrast[] }> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const over = (top: number[], bottom: number[]) => top.slice(0, 3).map((v, i) => v * top[3]! + bottom[i]! * (1 - top[3]!));
    /** The colour behind an element: its ancestors' backgrounds composed, down to the page's. */
    const backgroundOf = (el: Element | null): number[] => {
      const layers: number[][] = [];
      for (let at = el; at; at = at.parentElement) {
        const bg = parse(getComputedStyle(at).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let colour = [255, 255, 255];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const faded = (el: Element) => {
      for (let at: Element | null = el; at; at = at.parentElement) if (Number(getComputedStyle(at).opacity) < 1) return true;
      return false;
    };
    const low: LowContrast[] = [];
    let checked = 0;
    let min = 21;
    const elements = [...document.querySelectorAll("body *")].filter((el) => {
      if (el.closest(".monaco-editor, option, script, style")) return false;
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      const field = el.matches("input:not([type=checkbox]):not([type=radio]):not([type=range]):not([type=color]), select, textarea") && ((el as HTMLInputElement).value ?? "").trim();
      return own || field;
    });
    for (const el of elements) {
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!rect.width || !rect.height || style.visibility === "hidden" || el.closest("[hidden], .visually-hidden")) continue;
      // Disabled controls are exempt from contrast (WCAG 1.4.3), and shown faded on purpose.
      if (el.matches(":disabled") || el.closest(":disabled") || faded(el)) continue;
      const fg = parse(style.color);
      const bg = backgroundOf(el);
      const text = over(fg, bg);
      const [a, b] = [lum(text), lum(bg)].sort((x, y) => y - x);
      const ratio = (a! + 0.05) / (b! + 0.05);
      checked += 1;
      min = Math.min(min, ratio);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        const where = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""}`;
        low.push({ text: (el.textContent ?? (el as HTMLInputElement).value ?? "").trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100, colour: style.color, background: `rgb(${bg.map(Math.round).join(", ")})`, where });
      }
    }
    return { checked, min: Math.round(min * 100) / 100, low };
  });
}

describe("contrast", () => {
  for (const theme of ["dark", "light"] as const) {
    it(`keeps every text of every view at WCAG AA contrast in the ${theme} theme`, async () => {
      const page = await openApp(suite.browser, suite.app);
      await page.getByTestId("theme-select").selectOption(theme);
      // The measure finds a bad pairing: a dark grey line on the dark page, or a pale one on the light.
      const probe = await page.evaluate((t) => {
        const p = document.createElement("p");
        p.textContent = "probe";
        p.style.color = t === "dark" ? "#333" : "#ddd";
        document.querySelector(".app-main")!.append(p);
        return p.style.color;
      }, theme);
      expect((await measureContrast(page)).low.map((l) => [l.text, l.colour])).toEqual([["probe", probe]]);
      await page.evaluate(() => document.querySelector(".app-main > p:last-child")?.remove());
      // An answer (with its figures) is on screen for the playground's measure.
      await page.getByTestId("run-button").click();
      await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
      const report: string[] = [];
      const low: (LowContrast & { view: string })[] = [];
      for (const view of ["playground", "compare", "inspector", "experiments", "history", "evals", "embeddings", "rag", "reliability", "injection", "usage", "welcome", "lessons", "review", "readiness", "settings"]) {
        await page.getByTestId(`nav-${view}`).click();
        await expect.poll(() => shownView(page)).toBe(view);
        await expect.poll(() => page.getByTestId("view-loading").count(), { timeout: 20_000 }).toBe(0);
        // Views load their data after mounting: let it arrive before measuring.
        await page.waitForTimeout(400);
        const measured = await measureContrast(page);
        report.push(`${view}: ${measured.checked} texts, lowest ${measured.min}:1`);
        low.push(...measured.low.map((l) => ({ ...l, view })));
      }
      console.log(`contrast (${theme}):\n  ${report.join("\n  ")}`);
      expect(low).toEqual([]);
      await page.close();
    }, 120_000);
  }
});

describe("deep links inside views", () => {
  const hashOf = (page: Page) => page.evaluate(() => window.location.hash);
  /** Goes to a hash of the app, then reloads: the link opened cold, as from outside. */
  const openCold = async (page: Page, hash: string) => {
    const url = new URL(page.url());
    url.hash = hash;
    await page.goto(url.toString());
    await page.reload();
  };

  it("links a lesson: opening one pushes its URL, Back returns to the course map, the link opens it cold", async () => {
    const page = await openApp(suite.browser, suite.app);
    await page.getByTestId("nav-lessons").click();
    await page.getByTestId("lesson-system-vs-user").click();
    await expect.poll(() => page.getByTestId("lesson-view").getAttribute("data-lesson-id"), { timeout: 10_000 }).toBe("system-vs-user");
    expect(await hashOf(page)).toBe("#/lessons/system-vs-user");
    await page.goBack();
    await expect.poll(() => page.getByTestId("lesson-view").count()).toBe(0);
    expect(await hashOf(page)).toBe("#/lessons");
    await page.goForward();
    await expect.poll(() => page.getByTestId("lesson-view").getAttribute("data-lesson-id"), { timeout: 10_000 }).toBe("system-vs-user");

    await openCold(page, "#/lessons/calls-on-the-backend");
    await expect.poll(() => page.getByTestId("lesson-view").getAttribute("data-lesson-id"), { timeout: 20_000 }).toBe("calls-on-the-backend");
    expect(await hashOf(page)).toBe("#/lessons/calls-on-the-backend");
    // A link to a lesson that does not exist ends on the course map, its URL corrected.
    await openCold(page, "#/lessons/no-such-lesson");
    await expect.poll(() => hashOf(page), { timeout: 20_000 }).toBe("#/lessons");
    expect(await shownView(page)).toBe("lessons");
    await page.close();
  });

  it("links an experiment at a version: the version link highlights its row, cold and after Back", async () => {
    const page = await openApp(suite.browser, suite.app);
    await page.getByTestId("nav-experiments").click();
    await page.getByTestId("experiment-name").fill("Linked versions");
    await page.getByTestId("experiment-create").click();
    await page.getByTestId("experiment-detail").waitFor({ timeout: 10_000 });
    // A second version needs a change: an identical one is not saved.
    await page.getByTestId("nav-playground").click();
    await page.getByTestId("message-content").last().fill("A second wording of the question.");
    await page.getByTestId("nav-experiments").click();
    await page.getByTestId("version-message").fill("second");
    await page.getByTestId("version-save").click();
    await page.getByTestId("version-2").waitFor({ timeout: 10_000 });
    const id = (await hashOf(page)).split("/")[2];
    expect(id).toMatch(/.+/);
    expect(await hashOf(page)).toBe(`#/experiments/${id}`);

    await page.getByTestId("version-link-1").click();
    await expect.poll(() => page.getByTestId("version-1").getAttribute("aria-current")).toBe("true");
    expect(await page.getByTestId("version-2").getAttribute("aria-current")).toBeNull();
    expect(await hashOf(page)).toBe(`#/experiments/${id}/v1`);
    await page.goBack();
    await expect.poll(() => page.getByTestId("version-1").getAttribute("aria-current")).toBeNull();
    expect(await hashOf(page)).toBe(`#/experiments/${id}`);

    await openCold(page, `#/experiments/${id}/v1`);
    await expect.poll(() => page.getByTestId("version-1").getAttribute("aria-current"), { timeout: 20_000 }).toBe("true");
    expect(await page.getByTestId("experiment-rename").inputValue()).toBe("Linked versions");
    await page.close();
  });

  it("links a run in the inspector", async () => {
    const page = await openApp(suite.browser, suite.app);
    const runWith = async (text: string) => {
      await page.getByTestId("nav-playground").click();
      // The last message (the draft is shared by this file's pages; an earlier test left one message).
      await page.getByTestId("message-content").last().fill(text);
      await page.getByTestId("run-button").click();
      await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
    };
    await runWith("First linked run");
    await page.getByTestId("nav-inspector").click();
    const record = page.getByTestId("inspector-record");
    await expect.poll(() => record.getAttribute("data-run-id"), { timeout: 10_000 }).toMatch(/.+/);
    const first = (await record.getAttribute("data-run-id")) as string;
    expect(await hashOf(page)).toBe(`#/inspector/${first}`);
    await runWith("Second linked run");

    // Cold, the link shows the first run, not the newest.
    await openCold(page, `#/inspector/${first}`);
    await expect.poll(() => record.getAttribute("data-run-id"), { timeout: 20_000 }).toBe(first);
    expect(await record.innerText()).toContain("First linked run");
    await page.close();
  });

  it("links an evaluation run, opening its dataset with it", async () => {
    const page = await openApp(suite.browser, suite.app);
    await page.getByTestId("nav-evals").click();
    await page.getByTestId("dataset-name").fill("Linked cities");
    await page.getByTestId("dataset-import").setInputFiles({ name: "cities.csv", mimeType: "text/csv", buffer: Buffer.from("id,city\nparis,Paris\nrome,Rome\n") });
    await page.getByTestId("dataset-editor").waitFor({ timeout: 10_000 });
    await page.getByTestId("eval-start").click();
    await expect.poll(() => page.getByTestId("eval-progress").getAttribute("data-status"), { timeout: 30_000 }).toBe("done");
    await expect.poll(() => hashOf(page)).toMatch(/^#\/evals\/run\/[0-9a-f-]{36}$/);
    const hash = await hashOf(page);

    await openCold(page, hash);
    await expect.poll(() => page.getByTestId("eval-figures").innerText(), { timeout: 20_000 }).toContain("2 passed");
    expect(await page.getByTestId("dataset-editor").count()).toBe(1);
    expect(await hashOf(page)).toBe(hash);
    await page.close();
  });
});
