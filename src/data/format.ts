/**
 * The kit's one percentage formatter, at the bottom of the flow so that model code (captions of
 * studies) and widgets write shares the same way.
 */

/** A share in [0, 1] as a percentage: `percent(0.8398, 2)` is "83.98%"; non-numbers are "–". */
export function percent(share: number, digits = 1): string {
  if (!Number.isFinite(share)) return '–';
  return `${(100 * share).toFixed(digits)}%`;
}

/**
 * `text` ended by one full stop, to end a sentence built around a message: a message that
 * already ends one ("… in IndexedDB.", "Really?") gets no second ("… in IndexedDB.. Train it").
 */
export function sentence(text: string): string {
  const t = text.trimEnd();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** `text` without its closing full stop (an ellipsis stays), to sit inside a sentence (in brackets, before a colon). */
export function clause(text: string): string {
  return text.trimEnd().replace(/(?<!\.)\.$/, '');
}
