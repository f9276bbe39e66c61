/**
 * How <kit-lstm-cell> prints the numbers of its equations: signed sums, factors, powers, and
 * pieces of a formula that do not break across lines.
 */
import { el } from '../kit/dom';
import { fmt } from '../kit/format';

/** A signed sum printed the way it is written: "0.500 − 0.200 + 1.000". */
export function sum(terms: readonly number[]): string {
  return terms
    .map((t, k) => {
      const s = fmt(t);
      if (k === 0) return s;
      return s.startsWith('−') ? `− ${s.slice(1)}` : `+ ${s}`;
    })
    .join(' ');
}

/** A factor printed in a product, in parentheses when negative: "0.868 × (−0.500)". */
export function factor(x: number): string {
  const s = fmt(x);
  return s.startsWith('−') ? `(${s})` : s;
}

/** Digits as superscripts, for powers printed in plain text: 50 -> "⁵⁰". */
export function power(n: number): string {
  return [...String(n)].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('');
}

/** A piece of a formula's numbers that never breaks across lines. */
export function chunk(...children: (Node | string)[]): HTMLSpanElement {
  return el('span', { className: 'chunk' }, ...children);
}
