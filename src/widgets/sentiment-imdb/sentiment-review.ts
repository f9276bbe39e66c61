/**
 * <kit-sentiment-review>: the reader types a review and the trained model judges it, with exactly
 * the tokenizer, vocabulary and padding of its training (src/data/views.ts, explainText): every
 * word is shown with its id, out-of-vocabulary words as such, and the padded row the model reads.
 */
import { tokenizeReview } from '../../data/tokenizer';
import { explainText, type EncodedWord } from '../../data/views';
import { pageLocale } from '../../i18n/words';
import type { Vocabulary } from '../../data/vocabulary';
import type { LoadedKitModel } from '../../lstm/sentiment/model-files';
import { settingsLabel, settingsView } from '../../lstm/sentiment/presets';
import { el } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { watchClassifier, type ClassifierStatus } from '../kit/trained';
import { defineWidget, KitWidget } from '../kit/widget';
import './sentiment.css';
import { percent } from '../../data/format';
import { hasCjk, SENTIMENT_REVIEW_WORDS } from './sentiment-review.words';

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

/** Review boxes made so far on this page: each names its "English only" line uniquely. */
let reviewBoxes = 0;

/** What a word's title says about its status; a kept word shows its id instead. */
function statusText(status: EncodedWord['status']): string {
  const w = SENTIMENT_REVIEW_WORDS.now();
  return status === 'kept' ? '' : w[status];
}

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
  private cjk!: HTMLElement;
  private timer = 0;
  private tf: typeof import('@tensorflow/tfjs') | null = null;

  protected build(): void {
    const w = SENTIMENT_REVIEW_WORDS.now();
    this.box = el('textarea', {
      name: 'review',
      'aria-label': w.yourReview,
      'aria-describedby': `kit-review-english-${++reviewBoxes}`,
      rows: 5,
      spellcheck: true,
    });
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
      'aria-label': w.meterLabel,
    });
    const englishOnly = el('p', { className: 'review-language', 'data-role': 'review-language' }, w.englishOnly);
    englishOnly.id = this.box.getAttribute('aria-describedby')!;
    this.cjk = el('p', { className: 'review-cjk', 'data-role': 'review-cjk', role: 'status', hidden: true });
    this.note = el('p', { className: 'readout', 'data-role': 'review-note' });
    this.words = el('div', { className: 'review-words', 'data-role': 'review-words' });
    this.row = el('p', { className: 'imdb-meta', 'data-role': 'review-row' });
    this.append(
      englishOnly,
      el('label', { className: 'review-box' }, w.yourReview, this.box),
      this.cjk,
      this.verdict,
      this.meter,
      this.note,
      el('h4', {}, w.seenHeading),
      this.words,
      el('h4', {}, w.rowHeading),
      this.row,
    );
    this.box.value = this.state.text;
    // The kit's one model store: the reader's model, or the kit's own, shared with every cell.
    this.verdict.textContent = w.loading;
    this.listen(watchClassifier((status) => void this.useModel(status)));
  }

  private async useModel(status: ClassifierStatus): Promise<void> {
    if (status.kind === 'loading') return;
    if (status.kind === 'error') {
      this.verdict.textContent = '';
      this.showError(SENTIMENT_REVIEW_WORDS.now().loadFailed(status.message));
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
    const w = SENTIMENT_REVIEW_WORDS.now();
    // Chinese words are never in the English vocabulary: say so whether or not a model is loaded.
    const cjkWords = tokenizeReview(text).filter(hasCjk).length;
    this.cjk.hidden = cjkWords === 0;
    this.cjk.textContent = cjkWords === 0 ? '' : w.cjk(fmtInt(cjkWords));
    const loaded = this.loaded;
    if (!loaded || !this.vocabulary || !this.tf) {
      this.meter.hidden = true;
      if (this.tf) this.verdict.textContent = w.noModel;
      this.words.replaceChildren();
      this.row.textContent = '';
      return;
    }
    const view = settingsView(loaded.metadata.settings);
    const { words, ids, startMarker } = explainText(text, this.vocabulary, view);
    if (words.length === 0) {
      this.meter.hidden = true;
      this.verdict.textContent = w.noWords;
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
    this.meter.setAttribute('aria-valuetext', w.valueText(percent(p, 2)));
    this.verdict.textContent = w.verdict(
      p >= 0.5,
      percent(p, 2),
      settingsLabel(loaded.metadata.settings, pageLocale()),
    );
    const unknown = words.filter((x) => x.status === 'oov' || x.status === 'dropped').length;
    const cut = words.filter((x) => x.status === 'cut').length;
    this.note.textContent =
      w.note(fmtInt(words.length), fmtInt(unknown), percent(unknown / words.length, 2)) +
      (cut ? w.noteCut(fmtInt(cut), fmtInt(view.maxlen ?? 0)) : w.noteEnd) +
      (text.length > LINK_CHARS ? w.linkCut(fmtInt(LINK_CHARS)) : '');
    const shown = words.length > SHOWN_WORDS ? words.slice(words.length - SHOWN_WORDS) : words;
    this.words.replaceChildren(
      ...(words.length > shown.length
        ? [el('span', { className: 'readout' }, w.earlier(fmtInt(words.length - shown.length)))]
        : []),
      ...shown.map((x) =>
        el(
          'span',
          {
            className: x.status === 'kept' ? '' : x.status === 'cut' ? 'dropped' : 'oov',
            title: statusText(x.status) || w.id(String(x.id)),
          },
          `${x.word}${x.id === null ? '' : `:${x.id}`}`,
        ),
      ),
    );
    this.row.textContent =
      `[${Array.from(ids).join(', ')}]` + (startMarker || view.layout !== 'imdb' ? '' : w.markerCut);
  }
}

defineWidget('kit-sentiment-review', SentimentReviewWidget);
