/** The sentence under the results table: which model classifies the most test reviews right. */
import type { BinaryMetrics } from './metrics.ts';
import { percent } from '../data/format.ts';
import { LANG_TAG, type Locale } from '../i18n/locales.ts';
import { BASELINES_WORDS } from './baselines.words.ts';

/** A model with its scores on the test reviews, for {@link verdict}. */
export interface ScoredModel {
  /** The model in words, e.g. "the random forest". */
  name: string;
  /** Only the scores matter here: rows come from the baselines and from the LSTM's evaluation. */
  metrics: Pick<BinaryMetrics, 'accuracy' | 'precision' | 'recall' | 'f1' | 'count'>;
}

// Below this accuracy a model on balanced classes is said to do little better than a coin toss.
const NEAR_CHANCE = 0.6;

/** The models from the most accurate to the least (equal accuracy: the higher F1 first). */
export function rankModels<T extends ScoredModel>(models: readonly T[]): T[] {
  return [...models].sort((a, b) => b.metrics.accuracy - a.metrics.accuracy || b.metrics.f1 - a.metrics.f1);
}

/**
 * One sentence, from the numbers, saying which model classifies the most test reviews right
 * (ties go to the higher F1), with the others' accuracies, and which are close to guessing.
 */
export function verdict(models: readonly ScoredModel[], locale: Locale = 'en'): string {
  if (models.length === 0) return '';
  const w = BASELINES_WORDS[locale];
  const ranked = rankModels(models);
  const [best, ...rest] = ranked as [ScoredModel, ...ScoredModel[]];
  const count = best.metrics.count.toLocaleString(locale === 'en' ? 'en-US' : LANG_TAG[locale]);
  const chance = ranked.filter((m) => m.metrics.accuracy < NEAR_CHANCE);
  const chanceNote =
    chance.length === 0 ? '' : w.chance(chance.map((m) => m.name).join(w.namesAnd), chance.length === 1);
  if (rest.length === 0) return w.onlyOne(best.name, percent(best.metrics.accuracy), count, chanceNote);
  const others = rest.map((m) => w.other(percent(m.metrics.accuracy), m.name));
  const list = w.list(others);
  const margin = best.metrics.accuracy - rest[0]!.metrics.accuracy;
  const how = margin < 0.0005 ? w.how.hair : margin < 0.01 ? w.how.narrow : w.how.clear;
  return w.wins(best.name, how, percent(best.metrics.accuracy), count, list, chanceNote);
}
