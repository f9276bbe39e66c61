import { describe, expect, it } from 'vitest';
import {
  labelBox,
  overlaps,
  placeLabels,
  PLACEMENTS,
  textWidth,
  type LabelToPlace,
} from '../../src/embedding/label-placement';
import { mulberry32 } from '../../src/lstm/cell/random';

const bounds = { left: 0, top: 0, right: 400, bottom: 300 };
const label = (x: number, y: number, width = 40, height = 14): LabelToPlace => ({ x, y, width, height });

describe('labels on the word map', () => {
  it('puts a lone label above its dot', () => {
    expect(placeLabels([label(200, 150)], bounds)).toEqual([PLACEMENTS[0]]);
  });

  it('moves the label of a dot next to another below it, or beside it', () => {
    expect(placeLabels([label(200, 150), label(205, 152)], bounds)).toEqual([PLACEMENTS[0], PLACEMENTS[1]]);
    // Narrow labels of the dot itself and of one just below take its places above and below.
    const row = [label(200, 150, 10), label(200, 172, 10), label(200, 150, 30)];
    expect(placeLabels(row, bounds)).toEqual([PLACEMENTS[0], PLACEMENTS[0], PLACEMENTS[2]]);
  });

  it('leaves out a label that fits nowhere, keeping the earlier ones', () => {
    const crowd = [0, 1, 2].map(() => label(200, 150));
    expect(placeLabels(crowd, bounds)).toEqual([PLACEMENTS[0], PLACEMENTS[1], null]);
  });

  it('keeps labels inside the plot: below a dot at the top edge, left of one at the right edge', () => {
    expect(placeLabels([label(200, 5)], bounds)).toEqual([PLACEMENTS[1]]);
    expect(placeLabels([label(395, 150, 30)], bounds)).toEqual([PLACEMENTS[3]]);
  });

  it('never overlaps two labels, and drops one only when every place collides', () => {
    const random = mulberry32(3);
    const labels = Array.from({ length: 40 }, () =>
      label(20 + random() * 360, 20 + random() * 260, 20 + random() * 50),
    );
    const places = placeLabels(labels, bounds);
    const boxes = places.map((p, k) => (p ? labelBox(labels[k]!, p) : null));
    const placed = boxes.filter((b) => b !== null);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!, placed[j]!)).toBe(false);
    expect(placed.length).toBeGreaterThan(10);
    places.forEach((p, k) => {
      if (p) return;
      const earlier = boxes.slice(0, k).filter((b) => b !== null);
      for (const place of PLACEMENTS) {
        const box = labelBox(labels[k]!, place);
        const outside = box.left < 0 || box.top < 0 || box.right > 400 || box.bottom > 300;
        expect(outside || earlier.some((b) => overlaps(b, box))).toBe(true);
      }
    });
  });

  it('counts touching boxes as apart and sharing area as overlapping', () => {
    const a = { left: 0, top: 0, right: 10, bottom: 10 };
    expect(overlaps(a, { left: 10, top: 0, right: 20, bottom: 10 })).toBe(false);
    expect(overlaps(a, { left: 9, top: 9, right: 20, bottom: 20 })).toBe(true);
  });

  it('estimates a width by characters: a CJK character a full em', () => {
    expect(textWidth('good', 12)).toBeCloseTo(4 * 12 * 0.62, 10);
    expect(textWidth('好的', 12)).toBe(24);
    expect(textWidth('good', 12, false)).toBeLessThan(textWidth('good', 12));
  });
});
