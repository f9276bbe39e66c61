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

/** The units of {@link duration} in each edition. */
const DURATION_UNITS = {
  en: { underASecond: 'under a second', s: ' s', min: ' min', h: ' h', gap: ' ' },
  zh: { underASecond: '不到 1 秒', s: ' 秒', min: ' 分钟', h: ' 小时', gap: ' ' },
} as const;

/**
 * A duration in words, as precise as a wait needs: "under a second", "41 s", "1 min 22 s",
 * "12 min", "1 h 5 min" (in Chinese "不到 1 秒", "41 秒", "1 分钟 22 秒", "1 小时 5 分钟").
 * Past ten minutes the seconds are noise in an estimate, so they are rounded away.
 */
export function duration(seconds: number, locale: 'en' | 'zh' = 'en'): string {
  const u = DURATION_UNITS[locale];
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 0.5) return u.underASecond;
  const s = Math.round(seconds);
  if (s < 60) return `${s}${u.s}`;
  if (s < 600) return s % 60 ? `${Math.floor(s / 60)}${u.min}${u.gap}${s % 60}${u.s}` : `${s / 60}${u.min}`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m}${u.min}`;
  return m % 60 ? `${Math.floor(m / 60)}${u.h}${u.gap}${m % 60}${u.min}` : `${m / 60}${u.h}`;
}
