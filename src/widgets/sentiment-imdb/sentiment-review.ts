/**
 * <kit-sentiment-review>: the reader types a review and the trained model judges it, with exactly
 * the tokenizer, vocabulary and padding of its training (src/data/views.ts, explainText): every
 * word is shown with its id, out-of-vocabulary words as such, and the padded row the model reads.
 */
import { explainText, type EncodedWord } from '../../data/views';
import type { Vocabulary } from '../../data/vocabulary';
import type { LoadedKitModel } from '../../lstm/sentiment/model-files';
import { settingsLabel, settingsView } from '../../lstm/sentiment/presets';
import { el } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { watchClassifier, type ClassifierStatus } from '../kit/trained';
import { defineWidget, KitWidget } from '../kit/widget';
import './sentiment.css';
import { percent } from '../../data/format';

/** Links keep this many characters of the review; a longer text still works, it is not kept in the link. */
const LINK_CHARS = 2000;
/** Words listed under the box; a longer text is summarised (the model reads only maxlen of them anyway). */
const SHOWN_WORDS = 300;

const schema = {
  text: {
    kind: 'string',
    default: 'This movie was a waste of time: the plot made no sense and the acting was wooden.',
    maxLength: LINK_CHARS,
  },
} as const;

const STATUS_TEXT: Record<EncodedWord['status'], string> = {
  kept: '',
  oov: 'out of the vocabulary: id 2',
  dropped: 'not in the vocabulary: dropped',
  cut: 'cut by truncation',
};

class SentimentReviewWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = 'tfjs';
  private loaded: LoadedKitModel | null = null;
  private vocabulary: Vocabulary | null = null;
  private box!: HTMLTextAreaElement;
  private verdict!: HTMLElement;
  private meter!: HTMLMeterElement;
  private words!: HTMLElement;
  private row!: HTMLElement;
  private note!: HTMLElement;
  private timer = 0;
  private tf: typeof import('@tensorflow/tfjs') | null = null;

  protected build(): void {
    this.box = el('textarea', { name: 'review', 'aria-label': 'Your review', rows: 5, spellcheck: true });
    this.box.addEventListener('input', (e) => {
      clearTimeout(this.timer);
      // Predict as the reader types, but not on every keystroke of a fast typist.
      this.timer = window.setTimeout(() => {
        const text = this.box.value;
        if (text.length <= LINK_CHARS) this.set({ text }, e);
        else this.update();
      }, 150);
    });
    this.verdict = el('p', { className: 'review-verdict', 'data-role': 'verdict', 'aria-live': 'polite' });
    this.meter = el('meter', {
      className: 'review-meter',
      'data-role': 'meter',
      min: 0,
      max: 1,
      low: 0.5,
      optimum: 1,
      value: 0.5,
      'aria-label': 'Probability that the review is positive',
    });
    this.note = el('p', { className: 'readout', 'data-role': 'review-note' });
    this.words = el('div', { className: 'review-words', 'data-role': 'review-words' });
    this.row = el('p', { className: 'imdb-meta', 'data-role': 'review-row' });
    this.append(
      el('label', { className: 'review-box' }, 'Your review', this.box),
      this.verdict,
      this.meter,
      this.note,
      el('h4', {}, 'The words as the model sees them'),
      this.words,
      el('h4', {}, 'The padded row it reads'),
      this.row,
    );
    this.box.value = this.state.text;
    // The kit's one model store: the reader's model, or the kit's own, shared with every cell.
    this.verdict.textContent = 'Loading the trained model…';
    this.listen(watchClassifier((status) => void this.useModel(status)));
  }

  private async useModel(status: ClassifierStatus): Promise<void> {
    if (status.kind === 'loading') return;
    if (status.kind === 'error') {
      this.verdict.textContent = '';
      this.showError(`The trained model could not be loaded: ${status.message}`);
      return;
    }
    const { loadTf } = await import('../kit/tf');
    const { tf, backend } = await loadTf();
    this.tf = tf;
    this.showBackend(backend.label, backend.reason);
    // The store owns the model and disposes it: this cell only reads it.
    this.loaded = status.kind === 'ready' ? status.classifier : null;
    this.vocabulary = status.kind === 'ready' ? status.classifier.vocabulary : null;
    this.update();
  }

  protected update(): void {
    if (
      document.activeElement !== this.box &&
      this.box.value !== this.state.text &&
      this.box.value.length <= LINK_CHARS
    ) {
      this.box.value = this.state.text;
    }
    const text = this.box.value;
    const loaded = this.loaded;
    if (!loaded || !this.vocabulary || !this.tf) {
      this.meter.hidden = true;
      if (this.tf) {
        this.verdict.textContent =
          'No model is trained yet: train one above (or load model files there), then type here.';
      }
      this.words.replaceChildren();
      this.row.textContent = '';
      return;
    }
    const view = settingsView(loaded.metadata.settings);
    const { words, ids, startMarker } = explainText(text, this.vocabulary, view);
    if (words.length === 0) {
      this.meter.hidden = true;
      this.verdict.textContent = 'Type a review: there are no words to judge yet.';
      this.note.textContent = '';
      this.words.replaceChildren();
      this.row.textContent = '';
      return;
    }
    const tf = this.tf;
    const p = tf.tidy(
      () =>
        (
          loaded.model.predict(tf.tensor2d(ids, [1, ids.length], 'int32')) as import('@tensorflow/tfjs').Tensor
        ).dataSync()[0]!,
    );
    this.meter.hidden = false;
    this.meter.value = p;
    this.meter.setAttribute('aria-valuetext', `${percent(p, 2)} positive`);
    this.verdict.textContent = `${p >= 0.5 ? 'Positive' : 'Negative'}: the model's probability that it is positive is ${percent(p, 2)} (${settingsLabel(loaded.metadata.settings)}).`;
    const unknown = words.filter((w) => w.status === 'oov' || w.status === 'dropped').length;
    const cut = words.filter((w) => w.status === 'cut').length;
    this.note.textContent =
      `${fmtInt(words.length)} words; ${fmtInt(unknown)} out of the model's vocabulary (${percent(unknown / words.length, 2)})` +
      (cut ? `; the first ${fmtInt(cut)} are cut, since the model reads the last ${view.maxlen} ids.` : '.') +
      (text.length > LINK_CHARS ? ` The link to this cell keeps only the first ${fmtInt(LINK_CHARS)} characters.` : '');
    const shown = words.length > SHOWN_WORDS ? words.slice(words.length - SHOWN_WORDS) : words;
    this.words.replaceChildren(
      ...(words.length > shown.length
        ? [el('span', { className: 'readout' }, `… ${fmtInt(words.length - shown.length)} earlier words …`)]
        : []),
      ...shown.map((w) =>
        el(
          'span',
          {
            className: w.status === 'kept' ? '' : w.status === 'cut' ? 'dropped' : 'oov',
            title: STATUS_TEXT[w.status] || `id ${w.id}`,
          },
          `${w.word}${w.id === null ? '' : `:${w.id}`}`,
        ),
      ),
    );
    this.row.textContent =
      `[${Array.from(ids).join(', ')}]` +
      (startMarker || view.layout !== 'imdb' ? '' : ' (the start marker 1 was cut)');
  }
}

defineWidget('kit-sentiment-review', SentimentReviewWidget);
