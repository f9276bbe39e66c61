/**
 * Presentation helpers shared by chapter 6's widgets: the red-blue colour of a word's move
 * p_t − p_{t−1} with a readable text colour on it, and which steps get a word under the axis.
 */
import { Plot } from '../kit/plot';

/** Colours for moves of the prediction: a diverging scale symmetric around 0. */
export interface DeltaColours {
  /** The scale covers [-limit, limit]; larger moves take the deepest colour. */
  limit: number;
  /** The background colour of a move. */
  colour(delta: number): string;
  /** A text colour that reads on that background (near-black or white). */
  text(delta: number): string;
}

/** The colours for the moves `delta[from..]` (the steps shown), with at least ±0.05 of range. */
export function deltaColours(delta: ArrayLike<number>, from = 0): DeltaColours {
  let limit = 0.05;
  for (let t = from; t < delta.length; t++) limit = Math.max(limit, Math.abs(delta[t]!));
  const scale = Plot.scale({ color: { type: 'diverging', scheme: 'rdbu', domain: [-limit, limit], clamp: true } });
  const colour = (d: number) => String(scale.apply(d));
  return {
    limit,
    colour,
    // Black text reads (4.5:1) on backgrounds of luminance above 0.175, white below 0.183.
    text: (d: number) => (luminance(colour(d)) > 0.179 ? '#000000' : '#ffffff'),
  };
}

/** Relative luminance (WCAG) of a CSS colour written as rgb(r, g, b) or #rrggbb. */
export function luminance(css: string): number {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  const rgb = /rgb\(\s*(\d+),\s*(\d+),\s*(\d+)/.exec(css);
  const parts = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : rgb ? rgb.slice(1).map(Number) : [255, 255, 255];
  const [r, g, b] = parts.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Which steps get their word under the axis, and how the words turn, for a plot `width` wide. */
export function stepTicks(steps: readonly number[], width: number): { values: number[]; rotate: number } {
  const spacing = (width - 70) / Math.max(1, steps.length);
  const rotate = spacing >= 60 ? 0 : spacing >= 22 ? -40 : -90;
  const every = Math.max(1, Math.ceil(12 / spacing));
  // Thin from the end: the last word, the one the prediction is read after, always has its label.
  const last = steps.length - 1;
  return { values: steps.filter((_, k) => (last - k) % every === 0), rotate };
}
