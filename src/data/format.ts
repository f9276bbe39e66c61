/**
 * The kit's one percentage formatter, at the bottom of the flow so that model code (captions of
 * studies) and widgets write shares the same way.
 */

/** A share in [0, 1] as a percentage: `percent(0.8398, 2)` is "83.98%"; non-numbers are "–". */
export function percent(share: number, digits = 1): string {
  if (!Number.isFinite(share)) return '–';
  return `${(100 * share).toFixed(digits)}%`;
}
