/**
 * <kit-imdb-data>: gets the IMDB reviews into the page (from the site, from this browser's
 * storage, or from an archive the reader chooses), then shows what the archive holds, split by
 * split, and the first ids of the two index layouts the reference models use.
 */
import { MAX_REVIEW_BYTES } from '../../data/imdb';
import { indexRows, vocabularyCoverage } from '../../data/explore';
import type { ImdbData } from '../../data/loader';
import { PY_KERAS_VIEW, R_KERAS_VIEW } from '../../data/views';
import { dataTable, el } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { defineWidget, KitWidget } from '../kit/widget';
import { imdbPanel, watchData } from '../kit/imdb-panel';
import './imdb.css';
import { percent as pct } from '../../data/format';
import { IMDB_DATA_WORDS } from './imdb-data.words';

const MAX_REVIEW_MB = `${MAX_REVIEW_BYTES / 2 ** 20} MiB`;

// ids 0 to 9 show every marker of both layouts and the first few words.
const INDEX_ROWS = 10;

const schema = {} as const;

class ImdbDataWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = IMDB_DATA_WORDS.now().engine;
  private body!: HTMLElement;
  private data: ImdbData | null = null;

  protected build(): void {
    const panel = imdbPanel({ mode: 'full' });
    this.body = el('div', { className: 'imdb-body', 'data-role': 'body' });
    this.append(panel.root, this.body);
    watchData(panel.loader, (data) => {
      this.data = data;
      this.update();
    });
  }

  protected update(): void {
    const data = this.data;
    if (!data) {
      this.body.replaceChildren();
      return;
    }
    const w = IMDB_DATA_WORDS.now();
    const { manifest, vocabulary } = data.dataset;
    const { train, test } = manifest.splits;
    const row = (label: string, a: number, b: number) => [{ head: label }, fmtInt(a), fmtInt(b)];
    const splits = dataTable({
      role: 'splits',
      caption: w.splitsCaption(manifest.source.name),
      head: ['', ...w.splitsHead],
      rows: [
        row(w.reviews, train.count, test.count),
        row(w.negative, train.negative, test.negative),
        row(w.positive, train.positive, test.positive),
        row(w.tokens, train.tokens, test.tokens),
        row(w.longest, train.maxLength, test.maxLength),
        row(w.duplicates, train.duplicateTexts, test.duplicateTexts),
        row(w.alsoInTrain, train.alsoInTrain, test.alsoInTrain),
        row(w.unknown, train.unknownTokens, test.unknownTokens),
        // Only an archive with a review longer than the reader's cap has this row.
        ...((train.cutReviews ?? 0) + (test.cutReviews ?? 0) > 0
          ? [row(w.cutReviews(MAX_REVIEW_MB), train.cutReviews ?? 0, test.cutReviews ?? 0)]
          : []),
      ],
    });

    const r = indexRows(vocabulary, R_KERAS_VIEW, INDEX_ROWS);
    const py = indexRows(vocabulary, PY_KERAS_VIEW, INDEX_ROWS);
    // Words with their counts; the layouts' markers (padding, start, out of vocabulary) styled apart.
    const cell = (x: (typeof r)[number]) =>
      x.kind === 'word' ? `${x.token} (${fmtInt(x.count!)})` : { cell: x.token, className: 'marker' };
    const index = dataTable({
      role: 'index',
      caption: w.indexCaption,
      // Code names, the same in every edition.
      head: ['id', 'r-keras: keras.datasets.imdb', 'py-keras: Tokenizer'],
      rows: r.map((x, i) => [{ head: String(x.id) }, cell(x), cell(py[i]!)]),
    });

    const cover = vocabularyCoverage(vocabulary, R_KERAS_VIEW);
    const coverage = el(
      'p',
      { 'data-role': 'coverage' },
      w.coverage({
        distinct: fmtInt(vocabulary.words.length),
        numWords: fmtInt(R_KERAS_VIEW.numWords!),
        kept: fmtInt(cover.words),
        share: pct(cover.tokenShare),
        unknown: fmtInt(test.unknownTokens),
      }),
    );
    this.body.replaceChildren(el('div', { className: 'readout imdb-tables' }, splits, index), coverage);
  }
}

defineWidget('kit-imdb-data', ImdbDataWidget);
