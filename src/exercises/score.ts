/**
 * Predict, then check: how far a reader's guess lies from the answer. A number is compared on
 * its own scale (`linear`) or in powers of ten (`log10`, for gradients that span dozens of
 * decades: the reader types the power); a choice is right or wrong. The messages come in the
 * edition asked for, else in the page's (English outside a page).
 */
import type { Locale } from '../i18n/locales';
import { EXERCISE_WORDS } from './exercises.words';

/** The answer to a prediction, as the page holds it. */
export type Answer =
  | {
      kind: 'number';
      /** The true value (for `log10`, the value itself, not its power). */
      value: number;
      /** `log10`: the reader guesses the power of ten, and distance is counted in powers of ten. */
      scale: 'linear' | 'log10';
      /** A guess at most this far off (in the answer's scale) counts as close. */
      close: number;
      /** Decimals to print the answer with (linear scale). */
      digits: number;
    }
  | {
      kind: 'choice';
      /** The options, by value, with the words the reader sees. */
      options: readonly { value: string; label: string }[];
      /** The value of the right option. */
      correct: string;
    };

/** How a guess fared. */
export interface Score {
  /** `right`: within a tenth of `close` (or the right choice); `close`: within `close`; `far` otherwise. */
  verdict: 'right' | 'close' | 'far';
  /** Distance from the answer in the answer's scale (0 or 1 for a choice). */
  off: number;
  /** One sentence for the reader: the answer and how far the guess was. */
  message: string;
}

/** Number printing for the messages: a true minus sign, at most `digits` decimals. */
function show(x: number, digits: number): string {
  const s = Number(x.toFixed(digits)).toString();
  return s.replace('-', '−');
}

/** A guess typed by the reader as a number, accepting a true minus sign and a decimal comma; null if it is not one. */
export function parseGuess(text: string): number | null {
  const cleaned = text.trim().replace('−', '-').replace(',', '.');
  if (cleaned === '') return null;
  const x = Number(cleaned);
  return Number.isFinite(x) ? x : null;
}

/** Scores a guess (a number, or a choice's value) against an answer; the message in `locale`, else the page's edition. */
export function scoreGuess(answer: Answer, guess: number | string, locale?: Locale): Score {
  const w = (locale ? EXERCISE_WORDS[locale] : EXERCISE_WORDS.now()).score;
  if (answer.kind === 'choice') {
    const right = guess === answer.correct;
    const label = answer.options.find((o) => o.value === answer.correct)?.label ?? answer.correct;
    return {
      verdict: right ? 'right' : 'far',
      off: right ? 0 : 1,
      message: right ? w.right(label) : w.notQuite(label),
    };
  }
  const g = typeof guess === 'number' ? guess : parseGuess(guess);
  if (g === null) return { verdict: 'far', off: Infinity, message: w.notANumber };
  if (answer.scale === 'log10') {
    const power = Math.log10(answer.value);
    const off = Math.abs(g - power);
    const verdict = off <= answer.close / 10 ? 'right' : off <= answer.close ? 'close' : 'far';
    const lead =
      verdict === 'right' ? w.spotOn : verdict === 'close' ? w.close : g > power ? w.farTooLarge : w.farTooSmall;
    return { verdict, off, message: w.logAnswer(lead, show(power, 1), show(off, 1), show(g, 2)) };
  }
  const off = Math.abs(g - answer.value);
  const verdict = off <= answer.close / 10 ? 'right' : off <= answer.close ? 'close' : 'far';
  const lead =
    verdict === 'right' ? w.spotOn : verdict === 'close' ? w.close : g > answer.value ? w.tooLarge : w.tooSmall;
  return {
    verdict,
    off,
    message: w.linearAnswer(
      lead,
      show(answer.value, answer.digits),
      show(off, answer.digits),
      show(g, answer.digits + 2),
    ),
  };
}
