// Renderer: the heat map's colour scale: cosine 0 (or less) is pale, 1 is dark blue.

const STOPS: [number, [number, number, number]][] = [
  [0, [247, 251, 255]],
  [0.5, [107, 174, 214]],
  [1, [8, 48, 107]],
];

/** The RGB colour of a similarity; values outside [0, 1] are clamped (the legend says so). */
export function heatColour(value: number): [number, number, number] {
  const v = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  for (let i = 1; i < STOPS.length; i++) {
    const [hi, high] = STOPS[i]!;
    const [lo, low] = STOPS[i - 1]!;
    if (v <= hi) {
      const t = (v - lo) / (hi - lo);
      return [0, 1, 2].map((c) => Math.round(low[c]! + t * (high[c]! - low[c]!))) as [number, number, number];
    }
  }
  return STOPS[STOPS.length - 1]![1];
}
