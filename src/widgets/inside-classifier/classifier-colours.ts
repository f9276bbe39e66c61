/**
 * Presentation helpers shared by chapter 6's widgets: the red-blue colour of a word's move
 * p_t − p_{t−1} with a readable text colour on it, its legend, a word as a coloured chip, and
 * which steps get a word under the axis.
 */
import { signed, type WordChip } from '../../lstm/sentiment/review-reading';
import { el } from '../kit/dom';
import { fmt } from '../kit/format';
import { Plot } from '../kit/plot';
import { CLASSIFIER_COLOURS_WORDS } from './classifier-colours.words';

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

/** The legend of {@link deltaColours}' scale over [-limit, limit] (moves of p, a probability in [0, 1]), named for screen readers. */
export function deltaLegend(limit: number): Element {
  const w = CLASSIFIER_COLOURS_WORDS.now();
  const legend = Plot.legend({
    color: {
      type: 'diverging',
      scheme: 'rdbu',
      domain: [-limit, limit],
      clamp: true,
      label: w.legend,
    },
    width: 320,
    marginLeft: 12,
    style: { background: 'transparent', color: 'currentColor' },
  }) as Element;
  const svg = legend.localName === 'svg' ? legend : legend.querySelector('svg');
  svg?.setAttribute('aria-label', w.legendLabel(signed(-limit, fmt), signed(limit, fmt)));
  svg?.setAttribute('role', 'img');
  return legend;
}

/**
 * A word as a chip: the word, its move below it, and its explanation for screen readers; a word
 * that was read takes the colour of its move and names its step (from 1) and δ in data attributes.
 */
export function wordChip(c: WordChip, colours: DeltaColours): HTMLElement {
  const { label, small, className, title } = c;
  const node = el(
    'span',
    { className: `token ${className}`.trim(), title, 'data-word': label },
    label,
    el('small', {}, small),
    el('span', { className: 'classifier-sr' }, ` (${title})`),
  );
  if (c.step === undefined || c.delta === undefined) return node;
  node.style.background = colours.colour(c.delta);
  node.style.color = colours.text(c.delta);
  node.dataset.step = String(c.step + 1);
  node.dataset.delta = String(c.delta);
  return node;
}
