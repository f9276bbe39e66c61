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
import '../kit/embeddings.css';
import '../kit/classifier.css';

const NEIGHBOURS = 8;

const schema = {
  word: { kind: 'string', default: 'superb', maxLength: 40 },
} as const;

class ClassifierNeighboursWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = "the kit's cosine search in plain TypeScript";
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
      el('div', { className: 'controls' }, el('label', {}, 'Your word', this.input)),
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
    if (this.input.value !== this.state.word) this.input.value = this.state.word;
    const m = this.model;
    this.dataset.model = m.kind;
    if (m.kind !== 'ready') {
      this.note.hidden = false;
      this.note.replaceChildren(
        ...(m.kind === 'loading'
          ? ['Looking for a trained model in this browser…']
          : [
              'No trained model yet: ',
              el('a', { href: trainingHref() }, 'train one in chapter 5'),
              ', or load model files in the ',
              el('a', { href: '#cell-model' }, 'first cell of this chapter'),
              '.',
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
    const markers = classifier.view.layout === 'tokenizer' ? 'padding is' : 'padding, the start marker and <oov> are';
    this.facts.textContent = `From the model's Embedding table: ${fmtInt(rows)} rows of ${dim} numbers, one per input id; ${markers} left out. The numbers are cosine similarities.`;
  }
}

defineWidget('kit-classifier-neighbours', ClassifierNeighboursWidget);
