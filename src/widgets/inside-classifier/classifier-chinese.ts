/**
 * Which words of a review the classifier cannot read because they are Chinese. The model learned
 * its vocabulary from English IMDB reviews, so a word with Han characters in it is out of its
 * vocabulary: chapter 6's review cell says so beside the review. Pure, for the unit tests.
 */
import type { ReviewSteps } from '../../lstm/sentiment/review-steps';

// CJK punctuation, Han ideographs (with extension A) and compatibility ideographs.
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Whether `word` has Chinese characters in it. */
export function hasChinese(word: string): boolean {
  return CHINESE.test(word);
}

/** The review's tokens that have Chinese characters and that the model does not read as words. */
export function chineseOutOfVocabulary(steps: Pick<ReviewSteps, 'tokens' | 'fates'>): string[] {
  return steps.tokens.filter((word, k) => hasChinese(word) && steps.fates[k] !== 'read');
}
