/**
 * Labels on the word map that do not cover one another. Words that sit close in the embedding
 * (the point of the map) get labels on top of each other when every label goes above its dot,
 * so each label tries a few places around its dot in turn (above, below, right, left) and takes
 * the first that overlaps no label already placed and stays inside the plot; a label with no
 * such place is left out (its dot stays, and pointing at it names it). Earlier labels win: put
 * the most important first. Pure: pixel boxes in, placements out.
 */

/** Where a label sits relative to its dot, in pixels, with SVG's text-anchor. */
export interface Placement {
  dx: number;
  dy: number;
  anchor: 'middle' | 'start' | 'end';
}

/** The places tried, in order: above the dot, below it, to its right, to its left. */
export const PLACEMENTS: readonly Placement[] = [
  { dx: 0, dy: -10, anchor: 'middle' },
  { dx: 0, dy: 11, anchor: 'middle' },
  { dx: 8, dy: 0, anchor: 'start' },
  { dx: -8, dy: 0, anchor: 'end' },
];

/** A label to place: its dot's position and its text's size, in pixels. */
export interface LabelToPlace {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An axis-aligned box, in pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box a label takes at `place` (text centred vertically on the line, as Plot draws it). */
export function labelBox(label: LabelToPlace, place: Placement): Box {
  const x = label.x + place.dx;
  const left = place.anchor === 'middle' ? x - label.width / 2 : place.anchor === 'start' ? x : x - label.width;
  const top = label.y + place.dy - label.height / 2;
  return { left, top, right: left + label.width, bottom: top + label.height };
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The placement of each label, in order, or null for one that fits nowhere. */
export function placeLabels(labels: readonly LabelToPlace[], bounds: Box): (Placement | null)[] {
  const placed: Box[] = [];
  return labels.map((label) => {
    for (const place of PLACEMENTS) {
      const box = labelBox(label, place);
      const inside =
        box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
      if (inside && !placed.some((p) => overlaps(p, box))) {
        placed.push(box);
        return place;
      }
    }
    return null;
  });
}

// Characters a full em wide: CJK ideographs, kana, hangul and full-width forms.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * About how wide `text` is at `fontSize` pixels in the kit's sans-serif: 0.62 em a Latin
 * character in a bold face (0.56 regular), a little more than most letters take so that
 * estimated boxes err on the side of room, and a full em a CJK character. (Measuring the SVG
 * after drawing would mean drawing twice.)
 */
export function textWidth(text: string, fontSize: number, bold = true): number {
  let ems = 0;
  for (const c of text) ems += WIDE.test(c) ? 1 : bold ? 0.62 : 0.56;
  return ems * fontSize;
}
