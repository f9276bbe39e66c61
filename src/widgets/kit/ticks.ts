/**
 * Tick values for axes whose values are whole numbers (epochs, steps): d3's nice ticks would put
 * 1.5 between epochs 1 and 2, which a whole-number format then prints as "1, 2, 2".
 */

/** At most `most` whole numbers from `lo` to `hi`, evenly spaced, always including `lo`. */
export function wholeTicks(lo: number, hi: number, most = 10): number[] {
  const from = Math.ceil(lo);
  const to = Math.floor(hi);
  if (to < from) return [];
  const every = Math.max(1, Math.ceil((to - from + 1) / Math.max(1, most)));
  const out: number[] = [];
  for (let t = from; t <= to; t += every) out.push(t);
  return out;
}
