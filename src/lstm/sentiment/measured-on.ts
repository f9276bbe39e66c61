/**
 * Whether a result measured on the test reviews (chapter 5's evaluation) belongs to the data
 * loaded now. A result is measured on one prepared dataset, known by its vocabulary file's
 * SHA-256 and its number of test reviews; the reader may load another dataset since (the site's
 * 25,000 reviews after a small archive), and a result must then say that it was measured on other
 * data rather than sit beside reviews it never saw. Pure: no DOM, no tfjs.
 */
import type { ImdbManifest } from '../../data/shards.ts';
import { LANG_TAG, type Locale } from '../../i18n/locales.ts';
import { SENTIMENT_WORDS } from './sentiment.words.ts';

/** The data a result was measured on. */
export interface MeasuredOn {
  /** SHA-256 of the prepared vocabulary file, in hex. */
  vocabularySha256: string;
  /** How many test reviews the data has. */
  testCount: number;
}

/** How a result relates to the data loaded now: measured on it, on other data, or nothing is loaded. */
export type DataMatch = 'same' | 'other' | 'unloaded';

/** The data a prepared dataset's manifest describes. */
export function measuredOn(manifest: ImdbManifest): MeasuredOn {
  return { vocabularySha256: manifest.vocabulary.sha256, testCount: manifest.splits.test.count };
}

/**
 * Whether a result of `count` test reviews, measured on `measured`, belongs to the data loaded
 * now (`loaded`, null when none is). A result kept before the data was recorded with it
 * (`measured` undefined) can only be told apart by its count of test reviews.
 */
export function dataMatch(measured: MeasuredOn | undefined, count: number, loaded: MeasuredOn | null): DataMatch {
  if (loaded === null) return 'unloaded';
  if (count !== loaded.testCount) return 'other';
  if (measured && measured.vocabularySha256 !== loaded.vocabularySha256) return 'other';
  return 'same';
}

const int = (n: number, locale: Locale) => Math.round(n).toLocaleString(locale === 'en' ? 'en-US' : LANG_TAG[locale]);

/**
 * The caption of an evaluation's table: on how many test reviews, in how many `seconds`, and,
 * when they are not the reviews loaded now (`loadedCount` of them), that it was measured on
 * other data.
 */
export function evaluationCaption(
  count: number,
  seconds: number,
  match: DataMatch,
  loadedCount: number,
  locale: Locale = 'en',
): string {
  const w = SENTIMENT_WORDS[locale];
  const time = w.seconds(seconds.toFixed(1));
  if (match !== 'other') return w.evaluationCaption(int(count, locale), time);
  return w.evaluationCaptionOther(int(count, locale), int(loadedCount, locale), time);
}

/**
 * What to say of a result measured on other data than `loadedCount` test reviews loaded now, and
 * what the reader can do: evaluate again, which needs the model to have been trained on data
 * with the same vocabulary (`sameVocabulary`), or load the data it was measured on.
 */
export function otherDataNote(
  count: number,
  loadedCount: number,
  sameVocabulary: boolean,
  locale: Locale = 'en',
): string {
  const w = SENTIMENT_WORDS[locale];
  const measured = w.otherData(int(count, locale), int(loadedCount, locale));
  return measured + (sameVocabulary ? w.evaluateAgain : w.loadOrTrain);
}
