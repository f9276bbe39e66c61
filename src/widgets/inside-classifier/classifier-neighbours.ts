/**
 * <kit-classifier-neighbours>: the nearest words, by cosine, in the trained classifier's own
 * Embedding table, for a few probe words and one the reader types. The table's rows are input
 * ids; they are mapped back to words through the model's layout.
 */
import { normaliseWord } from '../../embedding/probes';
import { el } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { defineWidget, KitWidget } from '../kit/widget';
import { trainingHref, watchClassifier, type ClassifierStatus } from '../kit/trained';
import { classifierNeighbours, neighbourList, probeWords } from '../kit/classifier-lists';
import { CLASSIFIER_NEIGHBOURS_WORDS } from './classifier-neighbours.words';
import '../kit/embeddings.css';
import '../kit/classifier.css';

const NEIGHBOURS = 8;

const schema = {
  word: { kind: 'string', default: 'superb', maxLength: 40 },
} as const;

class ClassifierNeighboursWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = CLASSIFIER_NEIGHBOURS_WORDS.now().engine;
  private model: ClassifierStatus = { kind: 'loading' };
  private note!: HTMLElement;
  private input!: HTMLInputElement;
  private grid!: HTMLElement;
  private facts!: HTMLElement;

  protected build(): void {
    this.note = el('p', { className: 'kit-status', 'data-role': 'model-note', 'aria-live': 'polite' });
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
    this.grid = el('div', { className: 'kit-neighbours', 'data-role': 'neighbours', 'aria-live': 'polite' });
    this.facts = el('p', { className: 'note', 'data-role': 'facts' });
    this.append(
      this.note,
      el('div', { className: 'controls' }, el('label', {}, CLASSIFIER_NEIGHBOURS_WORDS.now().yourWord, this.input)),
      this.grid,
      this.facts,
    );
    this.listen(
      watchClassifier((status) => {
        this.model = status;
        this.update();
      }),
    );
  }

  protected update(): void {
    const w = CLASSIFIER_NEIGHBOURS_WORDS.now();
    if (this.input.value !== this.state.word) this.input.value = this.state.word;
    const m = this.model;
    this.dataset.model = m.kind;
    if (m.kind !== 'ready') {
      this.note.hidden = false;
      this.note.replaceChildren(
        ...(m.kind === 'loading'
          ? [w.looking]
          : [
              w.noneBefore,
              el('a', { href: trainingHref() }, w.trainLink),
              w.orLoad,
              el('a', { href: '#cell-model' }, w.firstCell),
              w.noneAfter,
            ]),
      );
      this.grid.replaceChildren();
      this.facts.textContent = '';
      return;
    }
    this.note.hidden = true;
    const classifier = m.classifier;
    const words = probeWords(normaliseWord(this.state.word));
    this.grid.replaceChildren(
      ...words.map((word) => {
        const found = classifierNeighbours(classifier, word, NEIGHBOURS);
        return el(
          'div',
          { 'data-word': found.word, 'data-status': found.status.kind },
          el('div', { className: 'probe' }, found.word),
          neighbourList(found, classifier),
        );
      }),
    );
    const { rows, dim } = classifier.weights.embedding;
    this.facts.textContent = w.facts(fmtInt(rows), String(dim), classifier.view.layout === 'tokenizer');
  }
}

defineWidget('kit-classifier-neighbours', ClassifierNeighboursWidget);
