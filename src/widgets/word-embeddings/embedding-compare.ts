/**
 * <kit-embedding-compare>: the same probe words' nearest neighbours in two embeddings side by
 * side: the skip-gram vectors trained in chapter 4's training cell (organised by the company words
 * keep) and the Embedding layer of the sentiment classifier trained in chapter 5 (organised by
 * what helps tell a positive review from a negative one).
 */
import { neighboursOf, normaliseWord } from '../../embedding/probes';
import { clause } from '../../data/format';
import { el } from '../kit/dom';
import { fmt, fmtInt } from '../kit/format';
import { defineWidget, KitWidget } from '../kit/widget';
import { onTrainedVectors, trainedVectors, trainingHref, watchClassifier, type ClassifierStatus } from '../kit/trained';
import { classifierNeighbours, neighbourList, probeWords } from '../kit/classifier-lists';
import '../kit/embeddings.css';
import '../kit/classifier.css';
import { EMBEDDING_COMPARE_WORDS } from './embedding-compare.words';

const NEIGHBOURS = 5;

const schema = {
  word: { kind: 'string', default: 'funny', maxLength: 40 },
} as const;

class EmbeddingCompareWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = EMBEDDING_COMPARE_WORDS.now().engine;
  private model: ClassifierStatus = { kind: 'loading' };
  private input!: HTMLInputElement;
  private status!: HTMLElement;
  private grid!: HTMLElement;

  protected build(): void {
    this.input = el('input', {
      type: 'text',
      name: 'word',
      value: this.state.word,
      maxlength: 40,
      size: 14,
      spellcheck: false,
      className: 'kit-word',
    });
    this.input.addEventListener('input', (e) => this.set({ word: this.input.value }, e));
    this.status = el('div', { className: 'kit-status', 'data-role': 'sources', 'aria-live': 'polite' });
    this.grid = el('div', { className: 'classifier-compare', 'data-role': 'compare' });
    this.append(
      el('div', { className: 'controls' }, el('label', {}, EMBEDDING_COMPARE_WORDS.now().yourWord, this.input)),
      this.status,
      this.grid,
    );
    this.listen(onTrainedVectors(() => this.update()));
    this.listen(
      watchClassifier((status) => {
        this.model = status;
        this.update();
      }),
    );
  }

  protected update(): void {
    const w = EMBEDDING_COMPARE_WORDS.now();
    if (this.input.value !== this.state.word) this.input.value = this.state.word;
    const vectors = trainedVectors();
    const m = this.model;
    const classifier = m.kind === 'ready' ? m.classifier : null;
    this.dataset.skipgram = vectors ? String(vectors.epoch) : '';
    this.dataset.model = m.kind;

    const skipLine = vectors
      ? w.skipgramReady(String(vectors.epoch), fmtInt(vectors.words.length), vectors.corpus, String(vectors.table.dim))
      : w.skipgramNone;
    const modelLine: (string | Node)[] =
      m.kind === 'ready'
        ? [
            w.modelReady(
              m.classifier.origin === 'kit' ? w.kitModel : w.yourModel,
              m.classifier.description,
              fmtInt(m.classifier.weights.embedding.rows),
              String(m.classifier.weights.embedding.dim),
            ),
          ]
        : m.kind === 'loading'
          ? [w.modelLoading]
          : [
              w.modelLead,
              m.kind === 'error' ? w.modelError(clause(m.message)) : w.modelNone,
              el('a', { href: trainingHref() }, w.trainIt),
              w.modelAfter,
            ];
    this.status.replaceChildren(
      el('p', { 'data-role': 'skipgram-source' }, skipLine),
      el('p', { 'data-role': 'model-source' }, ...modelLine),
    );

    const words = probeWords(normaliseWord(this.state.word));
    this.grid.replaceChildren(
      ...words.map((word) => {
        let skip: HTMLElement;
        if (!vectors) skip = el('p', { className: 'note' }, w.notTrained);
        else {
          const found = neighboursOf(vectors.unit, vectors.words, vectors.ids, word, NEIGHBOURS);
          skip =
            found.id === null
              ? el('p', { className: 'note classifier-missing', 'data-role': 'missing' }, w.notInCorpus)
              : el(
                  'ol',
                  {},
                  ...found.neighbours.map((n) => el('li', {}, `${n.word} `, el('small', {}, fmt(n.similarity)))),
                );
        }
        const ours = classifier
          ? neighbourList(classifierNeighbours(classifier, word, NEIGHBOURS), classifier)
          : el('p', { className: 'note' }, m.kind === 'loading' ? w.loading : w.noModel);
        return el(
          'section',
          { 'data-word': word, 'aria-label': w.neighboursOf(word) },
          el('div', { className: 'probe' }, word),
          el(
            'div',
            { className: 'pair' },
            el('div', { 'data-source': 'skipgram' }, el('h4', {}, w.skipgram), skip),
            el('div', { 'data-source': 'classifier' }, el('h4', {}, w.sentimentModel), ours),
          ),
        );
      }),
    );
  }
}

defineWidget('kit-embedding-compare', EmbeddingCompareWidget);
