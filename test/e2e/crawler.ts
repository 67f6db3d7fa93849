// End-to-end helper: the crawler. It opens one view, finds every enabled button, checkbox, radio,
// select option, tab and disclosure in the view's area, activates each once (bounded), and after
// each activation checks the page: no page error, no console error, no failed request, no error
// boundary and no blank view. Every finding names the view and the control it came from.
import type { Page, Request, Response } from "playwright-core";

/** One thing the crawl saw go wrong, with where it came from. */
export interface Finding {
  view: string;
  /** The control being activated (role, test id, accessible name), or "open", "reload". */
  control: string;
  kind: "pageerror" | "console" | "requestfailed" | "http" | "boundary" | "blank" | "lost";
  detail: string;
}

/** What the crawl of one view did. */
export interface ViewCrawl {
  view: string;
  activated: string[];
  /** Controls found but not activated, with the reason (click failed, deny-listed, over the bound). */
  skipped: string[];
  /** Controls that moved to another view (followed back, not a finding). */
  navigated: string[];
  /** Empty text fields typed into before the controls, so buttons that need input are enabled. */
  filled: number;
  findings: Finding[];
  ms: number;
}

/** A control as the page describes it. */
interface Candidate {
  /** data-crawl value, to find the element again this round. */
  tag: string;
  kind: "click" | "check" | "option";
  role: string;
  testId: string;
  name: string;
  /** For an option: its value. */
  value?: string;
  /** Which occurrence of the same control on the page this is (1 for the first). */
  nth: number;
  /** The control's identity across rounds: role, test id (or name without figures), occurrence. */
  id: string;
  /** How a finding names it: role, test id, accessible name, occurrence. */
  key: string;
}

export interface CrawlOptions {
  /** Activations per view at most (each select option counts as one). */
  maxActivations: number;
  /** Occurrences of the same control (same role and test id or name, e.g. a row's "Delete") activated at most. */
  maxSameControl: number;
  /** Time for one view's activations; past it the crawl lists what is left and moves on to the reload. */
  maxMsPerView: number;
  /** Typed into every empty text field of a view before its controls (none when absent). */
  sampleText?: string;
  /** Options tried per select at most. */
  maxOptionsPerSelect: number;
  /** Controls never activated: key pattern and the reason, documented where the list is written. */
  deny: readonly { pattern: RegExp; reason: string }[];
  /** Console errors that are expected: pattern and the reason. */
  allowConsole: readonly { pattern: RegExp; reason: string }[];
}

/**
 * Watches a page for findings. `context` is read when something happens, so a finding names the
 * control that was being activated (or had just been, while its effects settle).
 */
export class Watcher {
  findings: Finding[] = [];
  view = "(none)";
  control = "open";
  /** Set while the crawler itself reloads or navigates: the requests that reload aborts are expected. */
  navigating = false;
  private inflight = new Set<Request>();
  /** Calls that had not answered when settle gave up waiting (not findings: a long run is allowed). */
  slow: string[] = [];

  constructor(
    private readonly page: Page,
    private readonly origin: string,
    private readonly allowConsole: CrawlOptions["allowConsole"],
  ) {
    page.on("pageerror", (err) => this.add("pageerror", `${err.name}: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() !== "error") return;
      const text = msg.text();
      if (this.allowConsole.some((a) => a.pattern.test(text))) return;
      // "Failed to load resource" says nothing of which: the location names the URL.
      const where = msg.location().url;
      this.add("console", where && !text.includes(where) ? `${text} (${pathOf(where)})` : text);
    });
    page.on("request", (req) => {
      if (this.isOwnCall(req)) this.inflight.add(req);
    });
    page.on("requestfinished", (req) => this.inflight.delete(req));
    page.on("requestfailed", (req) => {
      this.inflight.delete(req);
      if (!req.url().startsWith(this.origin)) return this.add("requestfailed", `${req.method()} ${req.url()} to another origin: ${req.failure()?.errorText}`);
      // A reload the crawler started aborts the page's open requests (the event stream above all).
      if (this.navigating && /ERR_ABORTED/.test(req.failure()?.errorText ?? "")) return;
      this.add("requestfailed", `${req.method()} ${pathOf(req.url())}: ${req.failure()?.errorText}`);
    });
    page.on("response", (res: Response) => {
      if (!res.url().startsWith(this.origin)) return;
      if (res.status() >= 500 || (res.status() === 404 && !pathOf(res.url()).startsWith("/api/"))) {
        this.add("http", `${res.request().method()} ${pathOf(res.url())} answered ${res.status()}`);
      }
    });
  }

  add(kind: Finding["kind"], detail: string): void {
    this.findings.push({ view: this.view, control: this.control, kind, detail: detail.slice(0, 600) });
  }

  /** The app's own calls, not its event stream (which stays open for the page's life). */
  private isOwnCall(req: Request): boolean {
    return req.url().startsWith(this.origin) && !pathOf(req.url()).startsWith("/api/events");
  }

  /**
   * Waits until the app's calls have answered (at most `ms`), then for two frames so React has
   * painted what they brought. This only lets the effects of a click land before the next one; the
   * crawl asserts nothing on time.
   */
  async settle(ms = 5_000): Promise<void> {
    const until = Date.now() + ms;
    while (this.inflight.size > 0 && Date.now() < until) await this.page.waitForTimeout(25);
    if (this.inflight.size > 0) {
      this.slow.push(`${this.view} / ${this.control}: ${[...this.inflight].map((r) => pathOf(r.url())).join(", ")} still open after ${ms} ms`);
    }
    await this.page
      .evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
      .catch(() => undefined);
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Describes the enabled, visible controls of the view area and tags them with data-crawl. */
async function candidates(page: Page, round: number, maxOptionsPerSelect: number): Promise<Candidate[]> {
  return page.evaluate(
    ({ round, maxOptionsPerSelect }) => {
      const root = document.querySelector('[data-testid="view"]');
      if (!root) return [];
      const selector =
        'button, input[type="checkbox"], input[type="radio"], select, summary, [role="tab"], [role="button"], [role="checkbox"], [role="switch"], [role="menuitem"], [role="option"]';
      // checkVisibility also sees the closed <details> content Chromium hides with content-visibility.
      const visible = (el: Element) => {
        const rect = el.getBoundingClientRect();
        return rect.width > 0 && rect.height > 0 && el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
      };
      const disabled = (el: Element) =>
        (el as HTMLButtonElement).disabled === true || el.getAttribute("aria-disabled") === "true" || el.closest("fieldset[disabled]") !== null;
      const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
      const nameOf = (el: Element): string => {
        const label = el.getAttribute("aria-label");
        if (label) return clean(label);
        const by = el.getAttribute("aria-labelledby");
        if (by) {
          const text = by
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? "")
            .join(" ");
          if (clean(text)) return clean(text);
        }
        const labels = (el as HTMLInputElement).labels;
        if (labels && labels.length > 0) {
          // A label that wraps its select would also read out every option: leave the controls out.
          const text = [...labels]
            .map((l) => {
              const copy = l.cloneNode(true) as HTMLElement;
              for (const inner of copy.querySelectorAll("select, textarea, option")) inner.remove();
              return copy.textContent ?? "";
            })
            .join(" ");
          if (clean(text)) return clean(text);
        }
        if (el.tagName !== "SELECT" && clean(el.textContent)) return clean(el.textContent);
        return clean(el.getAttribute("title") ?? (el as HTMLInputElement).value ?? "");
      };
      const roleOf = (el: Element): string => {
        const role = el.getAttribute("role");
        if (role) return role;
        if (el.tagName === "SELECT") return "combobox";
        if (el.tagName === "SUMMARY") return "summary";
        if (el.tagName === "INPUT") return (el as HTMLInputElement).type;
        return "button";
      };
      const out: {
        tag: string;
        kind: "click" | "check" | "option";
        role: string;
        testId: string;
        name: string;
        value?: string;
        nth: number;
        id: string;
        key: string;
      }[] = [];
      const seen = new Map<string, number>();
      let n = 0;
      for (const el of root.querySelectorAll(selector)) {
        if (!visible(el) || disabled(el)) continue;
        // A <summary> inside a button-like wrapper or an element already matched as its own role.
        if (el.tagName !== "SELECT" && el.closest("select")) continue;
        const role = roleOf(el);
        const testId = el.getAttribute("data-testid") ?? "";
        const name = nameOf(el);
        // The identity: the test id when there is one, else the name, without figures: names and
        // ids change with state ("Save playground as version 3", "version-load-3").
        const identity = `${role} ${testId ? `[${testId}]` : name}`.replace(/\d+/g, "#");
        const nth = (seen.get(identity) ?? 0) + 1;
        seen.set(identity, nth);
        const base = `${role}${testId ? ` [${testId}]` : ""} "${name}"`;
        const tag = `${round}-${n++}`;
        el.setAttribute("data-crawl", tag);
        if (el.tagName === "SELECT") {
          const select = el as HTMLSelectElement;
          const options = [...select.options].filter((o) => !o.disabled).slice(0, maxOptionsPerSelect);
          for (const option of options) {
            const text = clean(option.textContent);
            out.push({ tag, kind: "option", role, testId, name, value: option.value, nth, id: `${identity}#${nth} → ${text}`, key: `${base}#${nth} → option "${text}"` });
          }
        } else {
          const kind = role === "checkbox" || role === "radio" || role === "switch" ? "check" : "click";
          out.push({ tag, kind, role, testId, name, nth, id: `${identity}#${nth}`, key: `${base}#${nth}` });
        }
      }
      return out;
    },
    { round, maxOptionsPerSelect },
  );
}

/** Names of controls that remove what the view shows; they are activated after the others. */
const DESTRUCTIVE = /\b(remove|delete|empty|clear|reset|discard|undo)\b/i;

/** The view shown now, or null when the shell itself is gone. */
async function shownView(page: Page): Promise<string | null> {
  return page
    .getByTestId("view")
    .getAttribute("data-view", { timeout: 2_000 })
    .catch(() => null);
}

/** Checks that the view renders: the shell is there, no error boundary shows, the view area has text. */
export async function checkRendered(page: Page, watcher: Watcher, view: string): Promise<boolean> {
  const shown = await shownView(page);
  if (shown === null) {
    watcher.add("blank", "the app shell is gone: no view area on the page");
    return false;
  }
  if (shown !== view) return true; // Followed by the caller.
  const failure = page.getByTestId("view-failure");
  if ((await failure.count()) > 0) {
    const message = await page
      .getByTestId("view-failure-message")
      .innerText({ timeout: 1_000 })
      .catch(() => "?");
    watcher.add("boundary", `the error boundary shows: ${message}`);
    return false;
  }
  // The view's own area (inside the boundary), not the notices above it.
  const text = await page
    .locator('[data-testid="view"] > .view-body')
    .innerText({ timeout: 2_000 })
    .catch(() => "");
  if (text.replace(/Loading\.\.\./g, "").trim() === "") {
    watcher.add("blank", "the view area is empty");
    return false;
  }
  return true;
}

/** Opens a view from the nav and waits until it has rendered (not "Loading..."). */
export async function openView(page: Page, watcher: Watcher, view: string): Promise<void> {
  // Opened again after a control left the view or broke it: the finding names that control too.
  const again = watcher.view === view && watcher.control !== "open" && watcher.control !== "reload";
  watcher.control = again ? `open (after ${watcher.control})` : "open";
  watcher.view = view;
  if ((await page.getByTestId(`nav-${view}`).count()) === 0) {
    // The shell is gone (a crash earlier): start the page again.
    await reload(page, watcher);
  }
  await page.getByTestId(`nav-${view}`).click({ timeout: 10_000 });
  await waitForView(page, view);
  await watcher.settle();
}

async function waitForView(page: Page, view: string): Promise<void> {
  await page.locator(`[data-testid="view"][data-view="${view}"]`).waitFor({ timeout: 20_000 });
  await page
    .getByTestId("view-loading")
    .waitFor({ state: "detached", timeout: 20_000 })
    .catch(() => undefined);
}

/** Reloads the page (the hash keeps the view) and waits for the view. */
export async function reload(page: Page, watcher: Watcher): Promise<void> {
  watcher.navigating = true;
  try {
    await page.reload({ waitUntil: "load" });
  } finally {
    watcher.navigating = false;
  }
  await page.getByTestId("view").waitFor({ timeout: 20_000 });
}

/**
 * Types `text` into the view's empty, enabled text fields (not the code editors), so the buttons
 * waiting for input (Embed, Ask, Import...) can be activated too. Returns how many it filled.
 */
async function fillEmptyFields(page: Page, watcher: Watcher, text: string): Promise<number> {
  const tags = await page.evaluate(() => {
    const root = document.querySelector('[data-testid="view"] > .view-body');
    if (!root) return [];
    // Not search fields: a sample typed there would filter the view's rows out of the crawl.
    const fields = root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input:not([type]), input[type="text"]');
    const isSearch = (el: Element) => /search|filter/i.test(`${el.getAttribute("aria-label") ?? ""} ${el.getAttribute("placeholder") ?? ""} ${el.getAttribute("data-testid") ?? ""}`);
    const out: { tag: string; name: string }[] = [];
    fields.forEach((el, i) => {
      if (el.value !== "" || el.disabled || el.readOnly || el.closest(".monaco-editor") || isSearch(el)) return;
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return;
      el.setAttribute("data-crawl-field", String(i));
      out.push({ tag: String(i), name: el.getAttribute("data-testid") ?? el.getAttribute("aria-label") ?? el.getAttribute("placeholder") ?? el.tagName.toLowerCase() });
    });
    return out;
  });
  let filled = 0;
  for (const field of tags) {
    watcher.control = `text field "${field.name}" (typed into)`;
    const ok = await page
      .locator(`[data-crawl-field="${field.tag}"]`)
      .fill(text, { timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (ok) filled++;
  }
  await watcher.settle();
  return filled;
}

/**
 * Crawls one view: activates every enabled control once (within the bounds), re-reading the view
 * after each activation, since controls come and go. Ends with a reload and a check that the view
 * renders again.
 */
export async function crawlView(page: Page, watcher: Watcher, view: string, options: CrawlOptions): Promise<ViewCrawl> {
  const started = Date.now();
  const before = watcher.findings.length;
  const done = new Set<string>();
  const crawl: ViewCrawl = { view, activated: [], skipped: [], navigated: [], filled: 0, findings: [], ms: 0 };
  await openView(page, watcher, view);
  await checkRendered(page, watcher, view);
  if (options.sampleText) crawl.filled = await fillEmptyFields(page, watcher, options.sampleText);

  for (let round = 0; crawl.activated.length < options.maxActivations; round++) {
    const found = await candidates(page, round, options.maxOptionsPerSelect);
    // Destructive controls last, so a view's rows and results are crawled before they are removed.
    const open = found.filter((c) => !done.has(c.id));
    const next = open.find((c) => !DESTRUCTIVE.test(c.name)) ?? open[0];
    if (!next) break;
    if (Date.now() - started > options.maxMsPerView) {
      crawl.skipped.push(`${open.length} control(s) left when the time bound (${options.maxMsPerView} ms) was reached, from ${next.key}`);
      break;
    }
    done.add(next.id);
    const denied = options.deny.find((d) => d.pattern.test(next.key));
    if (denied) {
      crawl.skipped.push(`${next.key}: ${denied.reason}`);
      continue;
    }
    if (next.nth > options.maxSameControl) {
      crawl.skipped.push(`${next.key}: the same control ${options.maxSameControl} times already`);
      continue;
    }
    watcher.control = next.key;
    const element = page.locator(`[data-crawl="${next.tag}"]`);
    try {
      if (next.kind === "option") await element.selectOption(next.value ?? "", { timeout: 3_000 });
      else await element.click({ timeout: 3_000 });
    } catch (err) {
      // Covered by an overlay, or gone since it was found: not the app's fault, but listed.
      crawl.skipped.push(`${next.key}: could not activate (${(err instanceof Error ? err.message : String(err)).split("\n")[0]})`);
      continue;
    }
    crawl.activated.push(next.key);
    await watcher.settle();
    const shown = await shownView(page);
    if (shown !== null && shown !== view) {
      // The control opened another view (e.g. "Open in inspector"): check it rendered, then come back.
      crawl.navigated.push(`${next.key} → ${shown}`);
      await waitForView(page, shown).catch(() => undefined);
      await watcher.settle();
      await checkRendered(page, watcher, shown);
      await openView(page, watcher, view);
      watcher.control = next.key;
    }
    if (!(await checkRendered(page, watcher, view))) {
      // Recover so the crawl can go on: the boundary's reset, or a reload when the shell is gone.
      if ((await page.getByTestId("view-reset").count()) > 0) {
        await page.getByTestId("view-reset").click();
        await watcher.settle();
      } else {
        await reload(page, watcher);
        await openView(page, watcher, view);
      }
    }
  }

  watcher.control = "reload";
  await reload(page, watcher);
  await waitForView(page, view).catch(async () => watcher.add("lost", `after a reload the page shows ${String(await shownView(page))}`));
  await watcher.settle();
  await checkRendered(page, watcher, view);
  crawl.findings = watcher.findings.slice(before);
  crawl.ms = Date.now() - started;
  return crawl;
}

/** A finding as one line: view, control, what happened. */
export function describeFinding(f: Finding): string {
  return `[${f.view}] ${f.control}: ${f.kind}: ${f.detail}`;
}
