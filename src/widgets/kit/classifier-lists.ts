/**
 * A word's nearest neighbours in the trained classifier's embedding, as a list element: shared by
 * chapter 6's neighbour cell and chapter 4's side-by-side comparison.
 */
import { modelNeighbours, type ModelNeighbours } from '../../embedding/model-words';
import { el } from './dom';
import { fmt, fmtInt } from './format';
import type { TrainedClassifier } from './trained';
import { TRAINED_WORDS } from './trained.words';

/** The words whose neighbours chapters 4 and 6 always show: two of praise, one of blame, one neutral. */
export const PROBES = ['excellent', 'awful', 'boring', 'actor'] as const;

/** The probe words followed by the reader's own word, each once, without an empty one. */
export function probeWords(own: string): string[] {
  return [...PROBES, own].filter((w, i, all) => w !== '' && all.indexOf(w) === i);
}

/** The `k` neighbours of `word` in the classifier's embedding, by cosine. */
export function classifierNeighbours(classifier: TrainedClassifier, word: string, k: number): ModelNeighbours {
  return modelNeighbours(classifier.unitEmbedding(), classifier.vocabulary, classifier.view, word, k);
}

/** Why a word has no row of its own in the classifier's embedding, in the words `w` (the page's edition by default). */
export function missingReason(
  found: ModelNeighbours,
  classifier: Pick<TrainedClassifier, 'metadata' | 'view'>,
  w = TRAINED_WORDS.now(),
): string {
  const { status } = found;
  if (status.kind === 'unknown') return w.notInVocabulary(fmtInt(classifier.metadata.words.length));
  if (status.kind === 'cut') {
    return w.pastIds(
      fmtInt(status.rank),
      fmtInt(classifier.view.numWords ?? 0),
      classifier.view.layout === 'tokenizer',
    );
  }
  return '';
}

/** A list of neighbours (word and cosine), or the reason there are none. */
export function neighbourList(found: ModelNeighbours, classifier: TrainedClassifier): HTMLElement {
  if (found.status.kind !== 'known') {
    return el('p', { className: 'note classifier-missing', 'data-role': 'missing' }, missingReason(found, classifier));
  }
  return el(
    'ol',
    {},
    ...found.neighbours.map((n) =>
      el('li', { 'data-id': String(n.id) }, `${n.word} `, el('small', {}, fmt(n.similarity))),
    ),
  );
}
