import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The chart's line colours come from the theme: each must stand out from the chart's background
// (WCAG's 3:1 for graphics), in light and in dark, and dark must not reuse light's colours.
const css = readFileSync(new URL("../../styles.css", import.meta.url), "utf8");

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`styles.css has no ${selector} block`);
  const body = css.slice(start, css.indexOf("}", start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], (m[2] ?? "").trim()]));
}

function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const hi = Math.max(luminance(a), luminance(b));
  const lo = Math.min(luminance(a), luminance(b));
  return (hi + 0.05) / (lo + 0.05);
}

const themes = { light: block(":root"), dark: block(':root[data-theme="dark"]') };

describe("usage chart colours", () => {
  for (const [name, vars] of Object.entries(themes)) {
    it(`${name}: eight series colours, each at least 3:1 on the chart's surface`, () => {
      const series = Array.from({ length: 8 }, (_, i) => vars[`series-${i + 1}`]);
      expect(series.every((c) => /^#[0-9a-f]{6}$/i.test(c ?? ""))).toBe(true);
      for (const colour of series) expect(contrast(colour ?? "", vars.surface ?? ""), `${colour} on ${vars.surface}`).toBeGreaterThanOrEqual(3);
      expect(new Set(series).size).toBe(8);
    });
  }

  it("dark has its own colours, not light's", () => {
    for (let i = 1; i <= 8; i++) expect(themes.dark[`series-${i}`]).not.toBe(themes.light[`series-${i}`]);
  });
});
