/**
 * <kit-imdb-explorer>: browse the IMDB reviews by split and sentiment, read one as written (its
 * HTML shown as text, never interpreted), see each of its words with the id a model's view
 * gives it, and the row of `maxlen` ids that padding and truncation make of it.
 */
import {
  labelRange,
  pagedPieces,
  REFERENCE_VIEWS,
  reviewPath,
  rowSummary,
  textPage,
  wordCells,
  type LabelFilter,
  type ReferenceView,
  type TextPiece,
} from '../../data/explore';
import type { SplitName } from '../../data/imdb';
import type { ImdbData } from '../../data/loader';
import { padSequence } from '../../data/pad';
import { tokenizeReview } from '../../data/tokenizer';
import { idsToWords, ranksToIds, reviewRanks, type SequenceView } from '../../data/views';
import { el } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { defineWidget, KitWidget } from '../kit/widget';
import { imdbPanel, watchData } from '../kit/imdb-panel';
import { pageLocale } from '../../i18n/words';
import { IMDB_EXPLORER_WORDS } from './imdb-explorer.words';
import './imdb.css';

// The two reference models' views of the data, with the key of the view menu's name for them.
const VIEWS: Record<ReferenceView, { view: SequenceView; label: 'rKerasView' | 'pyKerasView' }> = {
  'r-keras': { view: REFERENCE_VIEWS['r-keras'], label: 'rKerasView' },
  'py-keras': { view: REFERENCE_VIEWS['py-keras'], label: 'pyKerasView' },
};

const schema = {
  split: { kind: 'enum', default: 'train', values: ['train', 'test'] },
  label: { kind: 'enum', default: 'all', values: ['all', 'neg', 'pos'] },
  review: { kind: 'integer', default: 1, min: 1, max: 1_000_000 },
  view: { kind: 'enum', default: 'r-keras', values: ['r-keras', 'py-keras'] },
  padding: { kind: 'enum', default: 'pre', values: ['pre', 'post'] },
  truncating: { kind: 'enum', default: 'pre', values: ['pre', 'post'] },
} as const;

// A select inside its label would be named by the label and every option's text: aria-label
// keeps its name to the label's word.
function select(
  name: string,
  label: string,
  options: [string, string][],
  onChange: (value: string, event: Event) => void,
) {
  const s = el('select', { name, 'aria-label': label });
  for (const [value, text] of options) s.append(el('option', { value }, text));
  s.addEventListener('change', (e) => onChange(s.value, e));
  return s;
}

// A review of 200,000 words must not build 200,000 chips: the first ones make the point.
const MAX_CHIPS = 2000;

function chip(word: string, id: string, className = '', title = ''): HTMLElement {
  const classes = ['token', ...className.split(' ').filter(Boolean)].join(' ');
  return el('span', { className: classes, title: title || undefined }, word, el('small', {}, id));
}

class ImdbExplorerWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private data: ImdbData | null = null;
  private main!: HTMLElement;
  private splitSelect!: HTMLSelectElement;
  private labelSelect!: HTMLSelectElement;
  private viewSelect!: HTMLSelectElement;
  private paddingSelect!: HTMLSelectElement;
  private truncatingSelect!: HTMLSelectElement;
  private reviewInput!: HTMLInputElement;
  private countOut!: HTMLElement;
  private prev!: HTMLButtonElement;
  private next!: HTMLButtonElement;
  private meta!: HTMLElement;
  private text!: HTMLElement;
  private summary!: HTMLElement;
  private words!: HTMLElement;
  private row!: HTMLElement;
  private rowTitle!: HTMLElement;
  // Texts arrive asynchronously: only the latest request may draw.
  private drawing = 0;

  protected build(): void {
    const w = IMDB_EXPLORER_WORDS.now();
    const panel = imdbPanel({ mode: 'compact', home: { id: 'data', title: w.home } });
    this.splitSelect = select(
      'split',
      w.split,
      [
        ['train', w.trainOption],
        ['test', w.testOption],
      ],
      (v, e) => this.set({ split: v, review: 1 }, e),
    );
    this.labelSelect = select(
      'label',
      w.reviews,
      [
        ['all', w.all],
        ['neg', w.negative],
        ['pos', w.positive],
      ],
      (v, e) => this.set({ label: v, review: 1 }, e),
    );
    this.reviewInput = el('input', {
      type: 'number',
      name: 'review',
      'aria-label': w.reviewNumber,
      min: 1,
      value: this.state.review,
    });
    this.reviewInput.addEventListener('input', (e) => {
      if (this.reviewInput.value !== '' && this.reviewInput.validity.valid)
        this.set({ review: Number(this.reviewInput.value) }, e);
    });
    this.countOut = el('span', { 'data-role': 'count' });
    this.prev = el('button', { type: 'button', 'aria-label': w.previous }, '◀');
    this.next = el('button', { type: 'button', 'aria-label': w.next }, '▶');
    const random = el('button', { type: 'button', 'aria-label': w.randomLabel }, w.random);
    this.prev.addEventListener('click', (e) => this.set({ review: this.state.review - 1 }, e));
    this.next.addEventListener('click', (e) => this.set({ review: this.state.review + 1 }, e));
    random.addEventListener('click', (e) => this.set({ review: 1 + Math.floor(Math.random() * this.rangeCount()) }, e));
    this.viewSelect = select(
      'view',
      w.view,
      Object.entries(VIEWS).map(([k, v]) => [k, w[v.label]]),
      (v, e) => this.set({ view: v }, e),
    );
    this.paddingSelect = select(
      'padding',
      'padding',
      [
        ['pre', w.kerasDefault],
        ['post', "'post'"],
      ],
      (v, e) => this.set({ padding: v }, e),
    );
    this.truncatingSelect = select(
      'truncating',
      'truncating',
      [
        ['pre', w.kerasDefault],
        ['post', "'post'"],
      ],
      (v, e) => this.set({ truncating: v }, e),
    );
    this.meta = el('p', { className: 'imdb-meta', 'data-role': 'meta' });
    this.text = el('div', {
      className: 'imdb-text',
      'data-role': 'text',
      tabindex: 0,
      role: 'region',
      'aria-label': w.textLabel,
    });
    this.summary = el('p', { className: 'readout', 'data-role': 'summary', 'aria-live': 'polite' });
    this.words = el('div', {
      className: 'tokens imdb-words',
      'data-role': 'words',
      tabindex: 0,
      role: 'group',
      'aria-label': w.wordsLabel,
    });
    this.rowTitle = el('p', { className: 'imdb-row-title' });
    this.row = el('div', {
      className: 'tokens imdb-row',
      'data-role': 'row',
      role: 'group',
      'aria-label': w.rowLabel,
    });
    this.main = el(
      'div',
      { 'data-role': 'explorer' },
      el(
        'div',
        { className: 'controls' },
        el('label', {}, w.split, this.splitSelect),
        el('label', {}, w.reviews, this.labelSelect),
        el('label', {}, w.review, this.reviewInput, this.countOut),
        this.prev,
        this.next,
        random,
      ),
      this.meta,
      this.text,
      el(
        'div',
        { className: 'controls' },
        el('label', {}, w.view, this.viewSelect),
        el('label', {}, 'padding', this.paddingSelect),
        el('label', {}, 'truncating', this.truncatingSelect),
      ),
      this.summary,
      el('p', { className: 'imdb-row-title' }, w.wordsTitle),
      this.words,
      this.rowTitle,
      this.row,
    );
    this.append(panel.root, this.main);
    watchData(panel.loader, (data) => {
      this.data = data;
      this.update();
    });
  }

  private rangeCount(): number {
    const data = this.data;
    if (!data) return 1;
    return labelRange(data.dataset.manifest.splits[this.state.split as SplitName], this.state.label as LabelFilter)
      .count;
  }

  protected update(): void {
    const { split, label, view, padding, truncating } = this.state;
    this.splitSelect.value = split;
    this.labelSelect.value = label;
    this.viewSelect.value = view;
    this.paddingSelect.value = padding;
    this.truncatingSelect.value = truncating;
    const data = this.data;
    this.main.hidden = data === null;
    if (!data) return;
    const range = labelRange(data.dataset.manifest.splits[split as SplitName], label as LabelFilter);
    const n = Math.min(Math.max(1, this.state.review), Math.max(1, range.count));
    if (n !== this.state.review) {
      this.set({ review: n });
      return;
    }
    if (document.activeElement !== this.reviewInput || this.reviewInput.value !== String(n))
      this.reviewInput.value = String(n);
    this.reviewInput.max = String(range.count);
    const w = IMDB_EXPLORER_WORDS.now();
    this.countOut.textContent = w.of(fmtInt(range.count));
    this.prev.disabled = n <= 1;
    this.next.disabled = n >= range.count;
    if (range.count === 0) {
      this.drawing++; // a text still on its way must not draw over this
      this.meta.textContent = w.none;
      for (const part of [this.text, this.words, this.row, this.summary]) part.replaceChildren();
      this.rowTitle.textContent = '';
      return;
    }
    const index = range.first + n - 1;
    const reviews = data.dataset.splits[split as SplitName]!;
    const rating = reviews.ratings[index]!;
    const positive = reviews.labels[index] === 1;
    this.meta.textContent = w.meta(
      reviewPath(split as SplitName, reviews.labels[index]!, reviews.reviewIds[index]!, rating),
      String(rating),
      positive,
    );
    const ticket = ++this.drawing;
    data.texts.text(split as SplitName, index).then(
      (text) => {
        if (ticket === this.drawing) this.drawReview(data, text, reviewRanks(reviews, index));
      },
      (error: Error) => {
        if (ticket === this.drawing) this.showError(w.textFailed(error.message));
      },
    );
  }

  /** Draws the review's text a page at a time (textContent only: HTML in a review is shown as text). */
  private drawText(pieces: readonly TextPiece[], from: number): void {
    const page = textPage(pieces, { from });
    const nodes = document.createDocumentFragment();
    for (const p of page.pieces) {
      if (!p.lineBreak) nodes.append(p.text);
      else if (p.folded)
        nodes.append(el('span', { className: 'imdb-br' }, `${p.text} × ${fmtInt(p.folded)}`), el('br'));
      else nodes.append(el('span', { className: 'imdb-br' }, p.text), el('br'));
    }
    this.text.querySelector('[data-role="more-text"]')?.remove();
    if (from === 0) this.text.replaceChildren(nodes);
    else this.text.append(nodes);
    if (page.next === null) return;
    const rest = page.totalChars - page.shownChars;
    const more = el(
      'button',
      { type: 'button', 'data-role': 'more-text', onclick: () => this.drawText(pieces, page.next!) },
      IMDB_EXPLORER_WORDS.now().more(fmtInt(rest)),
    );
    this.text.append(el('br'), more);
  }

  private drawReview(data: ImdbData, text: string, ranks: Uint32Array): void {
    this.drawText(pagedPieces(text), 0);
    const w = IMDB_EXPLORER_WORDS.now();

    const { view: viewName, padding, truncating } = this.state;
    const view = VIEWS[viewName as keyof typeof VIEWS].view;
    const maxlen = view.maxlen!;
    const pad = { maxlen, padding: padding as 'pre' | 'post', truncating: truncating as 'pre' | 'post' };
    const { cells, oov, dropped, aligned, layout } = wordCells(
      ranks,
      tokenizeReview(text),
      data.dataset.vocabulary.words,
      view,
      pad,
    );
    const chips = document.createDocumentFragment();
    for (const c of cells.slice(0, MAX_CHIPS)) {
      const title = c.kind === 'oov' || c.kind === 'dropped' ? w[c.kind] : '';
      chips.append(chip(c.word, c.id, [c.kind === 'word' ? '' : c.kind, c.cut ? 'cut' : ''].join(' '), title));
    }
    if (cells.length > MAX_CHIPS)
      chips.append(el('span', { 'data-role': 'more-words' }, w.moreWords(fmtInt(cells.length - MAX_CHIPS))));
    this.words.replaceChildren(chips);

    const ids = ranksToIds(ranks, view);
    const row = padSequence(ids, pad);
    const tokens = idsToWords(row, data.dataset.vocabulary, view);
    this.row.replaceChildren(
      ...Array.from(row, (id, j) => chip(tokens[j] === '<pad>' ? '·' : tokens[j]!, String(id), id === 0 ? 'pad' : '')),
    );
    this.rowTitle.textContent = w.rowTitle(fmtInt(maxlen));

    this.summary.textContent = rowSummary(ranks.length, { oov, dropped, aligned, layout }, pad, pageLocale());
  }
}

defineWidget('kit-imdb-explorer', ImdbExplorerWidget);
