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

const NEIGHBOURS = 5;

const schema = {
  word: { kind: 'string', default: 'funny', maxLength: 40 },
} as const;

class EmbeddingCompareWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = 'cosine neighbours in plain TypeScript';
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
    this.append(el('div', { className: 'controls' }, el('label', {}, 'Your word', this.input)), this.status, this.grid);
    this.listen(onTrainedVectors(() => this.update()));
    this.listen(
      watchClassifier((status) => {
        this.model = status;
        this.update();
      }),
    );
  }

  protected update(): void {
    if (this.input.value !== this.state.word) this.input.value = this.state.word;
    const vectors = trainedVectors();
    const m = this.model;
    const classifier = m.kind === 'ready' ? m.classifier : null;
    this.dataset.skipgram = vectors ? String(vectors.epoch) : '';
    this.dataset.model = m.kind;

    const skipLine = vectors
      ? `Skip-gram: the vectors after epoch ${vectors.epoch} of the training cell above, ${fmtInt(vectors.words.length)} words of ${vectors.corpus}, d = ${vectors.table.dim}.`
      : 'Skip-gram: press Train in the training cell above; its vectors appear here after every epoch.';
    const modelLine: (string | Node)[] =
      m.kind === 'ready'
        ? [
            `Sentiment model: the Embedding layer of ${m.classifier.origin === 'kit' ? "the kit's model" : 'your trained model'} ` +
              `(${m.classifier.description}), ${fmtInt(m.classifier.weights.embedding.rows)} rows, d = ${m.classifier.weights.embedding.dim}.`,
          ]
        : m.kind === 'loading'
          ? ['Sentiment model: looking for a trained model in this browser…']
          : [
              'Sentiment model: ',
              m.kind === 'error'
                ? `the trained model could not be read (${clause(m.message)}). `
                : 'none trained in this browser yet. ',
              el('a', { href: trainingHref() }, 'Train it in chapter 5'),
              ', and its neighbours appear here.',
            ];
    this.status.replaceChildren(
      el('p', { 'data-role': 'skipgram-source' }, skipLine),
      el('p', { 'data-role': 'model-source' }, ...modelLine),
    );

    const words = probeWords(normaliseWord(this.state.word));
    this.grid.replaceChildren(
      ...words.map((word) => {
        let skip: HTMLElement;
        if (!vectors) skip = el('p', { className: 'note' }, 'not trained yet');
        else {
          const found = neighboursOf(vectors.unit, vectors.words, vectors.ids, word, NEIGHBOURS);
          skip =
            found.id === null
              ? el('p', { className: 'note classifier-missing', 'data-role': 'missing' }, 'not in this corpus')
              : el(
                  'ol',
                  {},
                  ...found.neighbours.map((n) => el('li', {}, `${n.word} `, el('small', {}, fmt(n.similarity)))),
                );
        }
        const ours = classifier
          ? neighbourList(classifierNeighbours(classifier, word, NEIGHBOURS), classifier)
          : el('p', { className: 'note' }, m.kind === 'loading' ? 'loading…' : 'no trained model');
        return el(
          'section',
          { 'data-word': word, 'aria-label': `Neighbours of ${word}` },
          el('div', { className: 'probe' }, word),
          el(
            'div',
            { className: 'pair' },
            el('div', { 'data-source': 'skipgram' }, el('h4', {}, 'skip-gram'), skip),
            el('div', { 'data-source': 'classifier' }, el('h4', {}, 'sentiment model'), ours),
          ),
        );
      }),
    );
  }
}

defineWidget('kit-embedding-compare', EmbeddingCompareWidget);
