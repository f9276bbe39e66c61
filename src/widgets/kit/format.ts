import { LANG_TAG } from '../../i18n/locales';
import { pageLocale } from '../../i18n/words';

/** Number formatting for readouts: fixed decimals, a true minus sign, no "-0.000". */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : '−∞';
  const s = x.toFixed(digits);
  // -0.0004 rounds to "-0.000": print it as zero rather than a negative zero.
  if (Number(s) === 0) return (0).toFixed(digits);
  return s.replace('-', '−');
}

/** A compact scientific form for numbers spanning many orders of magnitude (gradient norms). */
export function fmtSci(x: number, digits = 2): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return fmt(x);
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e4) return fmt(x, a < 1 ? digits + 1 : digits);
  const [m, e] = x.toExponential(digits).split('e');
  return `${m.replace('-', '−')}×10^${Number(e)}`.replace(/\^(-?\d+)/, (_, p: string) => superscript(p));
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

function superscript(s: string): string {
  return [...s].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/** Thousands separators in the page's edition (Intl): 20000 -> "20,000". */
export function fmtInt(x: number): string {
  return Math.round(x).toLocaleString(LANG_TAG[pageLocale()]);
}

/** Tick labels for a log axis: "1", "10²", "10⁻⁶" at powers of ten, nothing in between. */
export function powerOfTen(x: number): string {
  const e = Math.round(Math.log10(x));
  if (!(x > 0) || Math.abs(Math.log10(x) - e) > 1e-9) return '';
  return e === 0 ? '1' : e === 1 ? '10' : `10${superscript(String(e))}`;
}
