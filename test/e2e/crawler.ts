// End-to-end helper: a crawler that visits every view and activates every enabled control it finds
// (buttons, checkboxes, radio buttons, each option of each select, tabs, disclosure summaries), then
// reloads. It records any page error, console error, failed request, blank view or view failure,
// naming the view and control each came from.
import type { Page, Request, Response } from "playwright-core";

/** One problem the crawl met. */
export interface Finding {
  view: string;
  control: string;
  problem: string;
}

/** A control the crawler can activate, as found in the page. */
interface Control {
  id: string;
  kind: "button" | "checkbox" | "radio" | "option" | "tab" | "summary";
  label: string;
  /** For an option: the value to select. */
  value?: string;
}

/** How much one view's crawl may do, so a view that keeps growing controls still ends. */
const MAX_CONTROLS_PER_VIEW = 120;

/** Lists the enabled, visible controls in the view (outside the nav), tagging each with a stable id. */
async function listControls(page: Page): Promise<Control[]> {
  return page.evaluate(() => {
    const main = document.querySelector("main.app-main");
    if (!main) return [];
    const out: Control[] = [];
    const counts = new Map<string, number>();
    const visible = (el: Element) => (el as HTMLElement).getClientRects().length > 0 && !(el as HTMLElement).closest("[inert]");
    const nameOf = (el: Element): string => {
      const h = el as HTMLElement;
      const text = (h.getAttribute("aria-label") || h.dataset.testid || h.innerText || h.getAttribute("title") || h.getAttribute("name") || "").trim();
      const label = el.closest("label")?.innerText.trim();
      return (text || label || el.tagName.toLowerCase()).replace(/\s+/g, " ").slice(0, 60);
    };
    const add = (el: Element, kind: Control["kind"], label: string, value?: string) => {
      const base = `${kind}:${label}${value !== undefined ? `=${value}` : ""}`;
      const n = counts.get(base) ?? 0;
      counts.set(base, n + 1);
      const id = `${base}#${n}`;
      if (kind !== "option") (el as HTMLElement).dataset.crawlId = id;
      out.push({ id, kind, label, ...(value !== undefined ? { value } : {}) });
    };
    for (const el of Array.from(main.querySelectorAll("button, input[type=checkbox], input[type=radio], select, [role=tab], summary"))) {
      if (!visible(el) || (el as HTMLButtonElement).disabled || el.closest("fieldset:disabled")) continue;
      if (el.tagName === "SELECT") {
        const select = el as HTMLSelectElement;
        const label = nameOf(select);
        select.dataset.crawlId = `select:${label}`;
        for (const option of Array.from(select.options)) if (!option.disabled) add(select, "option", label, option.value);
      } else if (el.tagName === "SUMMARY") add(el, "summary", nameOf(el));
      else if (el.getAttribute("role") === "tab") add(el, "tab", nameOf(el));
      else if ((el as HTMLInputElement).type === "checkbox") add(el, "checkbox", nameOf(el));
      else if ((el as HTMLInputElement).type === "radio") add(el, "radio", nameOf(el));
      else add(el, "button", nameOf(el));
    }
    return out;
  });
}

/** Activates one control; false when it was gone by the time the crawler reached it. */
async function activate(page: Page, control: Control): Promise<boolean> {
  if (control.kind === "option") {
    const select = page.locator(`select[data-crawl-id="${CSS.escape(`select:${control.label}`)}"]`).first();
    if ((await select.count()) === 0 || (await select.isDisabled())) return false;
    await select.selectOption(control.value as string, { timeout: 5_000 });
    return true;
  }
  const target = page.locator(`[data-crawl-id="${CSS.escape(control.id)}"]`).first();
  if ((await target.count()) === 0 || !(await target.isVisible()) || (await target.isDisabled().catch(() => true))) return false;
  await target.click({ timeout: 5_000 });
  return true;
}

/** Playwright's Node side has no CSS.escape; attribute values here only need quotes and backslashes escaped. */
const CSS = { escape: (value: string) => value.replace(/["\\]/g, "\\$&") };

/** The crawl of one page over every view, collecting findings. */
export class Crawler {
  readonly findings: Finding[] = [];
  /** Every control activated, as "view / control", so a test can check the crawl reached far. */
  readonly activated: string[] = [];
  private where = { view: "(start)", control: "(load)" };
  /** Calls to the app in flight (the one long-lived event stream is not counted). */
  private inFlight = new Set<Request>();

  constructor(private readonly page: Page) {
    const isCall = (request: Request) => new URL(request.url()).pathname.startsWith("/api/") && !request.url().includes("/api/events");
    page.on("request", (request) => (isCall(request) ? this.inFlight.add(request) : undefined));
    page.on("requestfinished", (request) => this.inFlight.delete(request));
    page.on("pageerror", (err) => this.note(`page error: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error") this.note(`console error: ${msg.text()}`);
    });
    page.on("requestfailed", (request: Request) => {
      this.inFlight.delete(request);
      const why = request.failure()?.errorText ?? "";
      // A cancelled run or a closed event stream aborts its own request; that is not a failure.
      if (why.includes("ERR_ABORTED")) return;
      this.note(`request failed: ${request.method()} ${new URL(request.url()).pathname} (${why})`);
    });
    page.on("response", (response: Response) => {
      if (response.status() >= 500) this.note(`HTTP ${response.status()}: ${new URL(response.url()).pathname}`);
    });
    // Confirmations are accepted, so the crawl also goes through what a confirmed action does.
    page.on("dialog", (dialog) => void dialog.accept().catch(() => undefined));
  }

  private note(problem: string): void {
    this.findings.push({ ...this.where, problem });
  }

  /** Shows a view through its nav link and waits until it rendered something. */
  private async open(view: string): Promise<void> {
    await this.page.getByTestId(`nav-${view}`).click();
    await this.page.locator(`main[data-view="${view}"]`).waitFor({ timeout: 20_000 });
    // A lazy view shows "Loading..." until its chunk arrives; its controls exist only after that.
    await this.page.getByTestId("view-loading").waitFor({ state: "detached", timeout: 30_000 });
    await this.settle();
  }

  /**
   * Lets the app finish what a click started: a lazy chunk, pending calls (a short run streams its
   * answer over the event stream while its call is answered at once, so calls alone are awaited).
   */
  private async settle(): Promise<void> {
    await this.page.waitForTimeout(60);
    const deadline = Date.now() + 3_000;
    while (this.inFlight.size > 0 && Date.now() < deadline) await this.page.waitForTimeout(25);
  }

  /** Fails the current step when the view is blank or shows its error boundary. */
  private async checkView(view: string): Promise<void> {
    const main = this.page.locator("main.app-main");
    if ((await main.count()) === 0) return this.note("the app shell is gone (blank window)");
    if ((await this.page.getByTestId("view-failure").count()) > 0) {
      const message = await this.page.getByTestId("view-failure-message").innerText().catch(() => "?");
      this.note(`the view failed to render: ${message}`);
      return;
    }
    const shown = await main.getAttribute("data-view");
    if (shown === view && (await main.innerText()).trim() === "") this.note("the view is blank");
  }

  /** Visits one view and activates each control once. */
  async crawlView(view: string): Promise<void> {
    this.where = { view, control: "(open)" };
    await this.open(view);
    await this.checkView(view);
    const done = new Set<string>();
    for (let step = 0; step < MAX_CONTROLS_PER_VIEW; step++) {
      if ((await this.page.locator("main.app-main").getAttribute("data-view")) !== view) await this.open(view);
      const next = (await listControls(this.page)).find((c) => !done.has(c.id));
      if (!next) break;
      done.add(next.id);
      this.where = { view, control: `${next.kind} "${next.label}"${next.value !== undefined ? ` option "${next.value}"` : ""}` };
      const activated = await activate(this.page, next).catch((err: Error) => {
        // A control that vanished or turned disabled under the pointer is not a finding; anything else is.
        if (!/detached|not enabled|not visible|Timeout/.test(err.message)) this.note(`could not activate: ${err.message.split("\n")[0]}`);
        return false;
      });
      if (!activated) continue;
      this.activated.push(`${view} / ${this.where.control}`);
      await this.settle();
      await this.checkView(view);
    }
    if (process.env.DOJO_CRAWL_LOG) console.log(`crawl: ${view}: ${done.size} controls, ${this.findings.length} findings so far`);
    this.where = { view, control: "(reload)" };
    await this.page.reload();
    await this.page.locator("main.app-main").waitFor({ timeout: 20_000 });
    await this.page.getByTestId("view-loading").waitFor({ state: "detached", timeout: 30_000 });
    await this.settle();
    await this.checkView(view);
  }
}
