import { describe, expect, it } from 'vitest';
import {
  alignIds,
  indexRows,
  labelRange,
  lengthStats,
  padLayout,
  padSequence,
  PY_KERAS_VIEW,
  quantileSorted,
  R_KERAS_VIEW,
  ranksToIds,
  REFERENCE_VIEWS,
  reviewLengths,
  reviewPath,
  splitLineBreaks,
  pagedPieces,
  rowSummary,
  textPage,
  wordCells,
  tokenizeReview,
  truncation,
  viewLength,
  viewLengths,
  vocabularyCoverage,
  vocabularyFromWords,
  type SequenceView,
} from '../../src/data/index.ts';

// Ranks with unknown words (0), frequent words and rare ones, for a vocabulary of 30 words.
const RANKS = Uint32Array.from([1, 5, 0, 29, 2, 17, 0, 30, 3]);
const VIEWS: SequenceView[] = [
  {},
  { layout: 'tokenizer' },
  { layout: 'imdb', numWords: 20 },
  { layout: 'tokenizer', numWords: 18 },
  R_KERAS_VIEW,
  PY_KERAS_VIEW,
];

describe('alignIds and viewLength', () => {
  for (const view of VIEWS) {
    it(`line words up with ranksToIds for ${JSON.stringify(view)}`, () => {
      const aligned = alignIds(RANKS, view);
      const ids = ranksToIds(RANKS, view);
      const inOrder = [...(aligned.start === null ? [] : [aligned.start]), ...[...aligned.ids].filter((id) => id >= 0)];
      expect(inOrder).toEqual([...ids]);
      expect(aligned.length).toBe(ids.length);
      expect(viewLength(RANKS, view)).toBe(ids.length);
      // Each kept word sits at its position in the unpadded ids.
      aligned.ids.forEach((id, i) => {
        if (id >= 0) expect(ids[aligned.positions[i]!]).toBe(id);
        else expect(aligned.positions[i]).toBe(-1);
      });
    });
  }

  it('puts the start marker first, rare and unknown words at 2 in the imdb layout', () => {
    const aligned = alignIds(RANKS, { layout: 'imdb', numWords: 20 });
    expect(aligned.start).toBe(1);
    // Rank r gets r + 3 below numWords = 20, i.e. up to rank 16; rank 0 and ranks 17+ become 2.
    expect([...aligned.ids]).toEqual([4, 8, 2, 2, 5, 2, 2, 2, 6]);
    expect([...aligned.positions]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('drops unknown and cut-off words in the tokenizer layout', () => {
    const aligned = alignIds(RANKS, { layout: 'tokenizer', numWords: 18 });
    expect(aligned.start).toBeNull();
    expect([...aligned.ids]).toEqual([1, 5, -1, -1, 2, 17, -1, -1, 3]);
    expect([...aligned.positions]).toEqual([0, 1, -1, -1, 2, 3, -1, -1, 4]);
    expect(aligned.length).toBe(5);
  });
});

describe('padLayout', () => {
  it('describes exactly what padSequence does, for every length and option', () => {
    for (const maxlen of [0, 1, 4, 7]) {
      for (let length = 0; length <= 10; length++) {
        for (const padding of ['pre', 'post'] as const) {
          for (const truncating of ['pre', 'post'] as const) {
            const seq = Array.from({ length }, (_, i) => i + 1);
            const row = padSequence(seq, { maxlen, padding, truncating });
            const l = padLayout(length, { maxlen, padding, truncating });
            expect(l.kept + l.pads).toBe(maxlen);
            expect(l.kept + l.cut).toBe(length);
            expect(l.to - l.from).toBe(l.kept);
            for (let j = 0; j < maxlen; j++) {
              const k = j - l.at;
              expect(row[j]).toBe(k >= 0 && k < l.kept ? seq[l.from + k] : 0);
            }
            expect(l.padAt).toBe(l.pads > 0 ? padding : null);
            expect(l.cutAt).toBe(l.cut > 0 ? truncating : null);
          }
        }
      }
    }
  });

  it("uses Keras' defaults: zeros and the cut at the front", () => {
    expect(padLayout(3, { maxlen: 5 })).toMatchObject({ pads: 2, at: 2, from: 0, to: 3, padAt: 'pre', cutAt: null });
    expect(padLayout(8, { maxlen: 5 })).toMatchObject({ cut: 3, from: 3, to: 8, at: 0, padAt: null, cutAt: 'pre' });
  });
});

describe('lengths', () => {
  const reviews = { offsets: Uint32Array.from([0, 3, 3, 8, 9]), tokens: Uint32Array.from([1, 0, 2, 5, 6, 0, 0, 7, 9]) };

  it('reads review lengths from the offsets, whole or in part', () => {
    expect([...reviewLengths(reviews)]).toEqual([3, 0, 5, 1]);
    expect([...reviewLengths(reviews, 1, 2)]).toEqual([0, 5]);
  });

  it('counts ids as each view makes them', () => {
    expect([...viewLengths(reviews, R_KERAS_VIEW)]).toEqual([4, 1, 6, 2]);
    expect([...viewLengths(reviews, PY_KERAS_VIEW)]).toEqual([2, 0, 3, 1]);
    expect([...viewLengths(reviews, PY_KERAS_VIEW, 2, 2)]).toEqual([3, 1]);
  });

  it('summarises lengths with quantiles as d3 computes them', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10, 20, 30], 0.25)).toBe(15);
    expect(quantileSorted([7], 0.99)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
    const s = lengthStats([5, 1, 9, 3]);
    expect(s).toMatchObject({ count: 4, min: 1, max: 9, mean: 4.5, median: 4 });
    expect(s.p99).toBeCloseTo(9 - 0.03 * 4, 10);
    expect(lengthStats([]).mean).toBeNaN();
  });

  it('counts the sequences a maxlen cuts', () => {
    expect(truncation([80, 81, 100, 79, 200], 80)).toEqual({ count: 5, longer: 3, share: 0.6 });
    expect(truncation([], 80)).toEqual({ count: 0, longer: 0, share: 0 });
  });
});

describe('vocabulary views', () => {
  const words = Array.from({ length: 30 }, (_, i) => `w${i + 1}`);
  const counts = Array.from({ length: 30 }, (_, i) => 30 - i);
  const vocabulary = vocabularyFromWords(words, counts);
  const total = counts.reduce((a, b) => a + b, 0);

  it('keeps the words whose ids stay below num_words, and their share of the tokens', () => {
    // imdb layout: ids r + 3 < 20, so ranks 1..16.
    const imdb = vocabularyCoverage(vocabulary, { layout: 'imdb', numWords: 20 });
    expect(imdb.words).toBe(16);
    expect(imdb.tokenShare).toBeCloseTo(counts.slice(0, 16).reduce((a, b) => a + b, 0) / total, 12);
    // The same words are exactly those ranksToIds does not turn into 2.
    const kept = words.filter((_, i) => ranksToIds([i + 1], { layout: 'imdb', numWords: 20 })[1] !== 2);
    expect(kept.length).toBe(imdb.words);
    expect(vocabularyCoverage(vocabulary, { layout: 'tokenizer', numWords: 18 }).words).toBe(17);
    expect(vocabularyCoverage(vocabulary, {})).toEqual({ words: 30, tokenShare: 1 });
    expect(vocabularyCoverage(vocabulary, R_KERAS_VIEW).words).toBe(30);
  });

  it('lists the first ids of both layouts with their markers', () => {
    expect(indexRows(vocabulary, R_KERAS_VIEW, 6)).toEqual([
      { id: 0, token: '<pad>', kind: 'pad' },
      { id: 1, token: '<start>', kind: 'start' },
      { id: 2, token: '<oov>', kind: 'oov' },
      { id: 3, token: '<unused>', kind: 'unused' },
      { id: 4, token: 'w1', kind: 'word', count: 30 },
      { id: 5, token: 'w2', kind: 'word', count: 29 },
    ]);
    expect(indexRows(vocabulary, PY_KERAS_VIEW, 3)).toEqual([
      { id: 0, token: '<pad>', kind: 'pad' },
      { id: 1, token: 'w1', kind: 'word', count: 30 },
      { id: 2, token: 'w2', kind: 'word', count: 29 },
    ]);
    // Past the end of a tiny vocabulary, ids stand for nothing.
    expect(indexRows(vocabularyFromWords(['a'], [1]), PY_KERAS_VIEW, 3)[2]).toMatchObject({ id: 2, kind: 'unused' });
  });

  it('names the reference views after their presets', () => {
    expect(REFERENCE_VIEWS['r-keras']).toBe(R_KERAS_VIEW);
    expect(REFERENCE_VIEWS['py-keras']).toBe(PY_KERAS_VIEW);
  });
});

describe('browsing helpers', () => {
  it('selects negatives, positives or all of a split (negatives come first)', () => {
    const split = { count: 10, negative: 4 };
    expect(labelRange(split, 'all')).toEqual({ first: 0, count: 10 });
    expect(labelRange(split, 'neg')).toEqual({ first: 0, count: 4 });
    expect(labelRange(split, 'pos')).toEqual({ first: 4, count: 6 });
  });

  it("rebuilds a review's path in the archive", () => {
    expect(reviewPath('train', 1, 123, 9)).toBe('aclImdb/train/pos/123_9.txt');
    expect(reviewPath('test', 0, 0, 3)).toBe('aclImdb/test/neg/0_3.txt');
  });

  it('splits out the line breaks the tokenizer removes, and keeps every other character', () => {
    const text = 'Great.<br /><br />Not <b>bad</b><BR>at all<br/>';
    const pieces = splitLineBreaks(text);
    expect(pieces).toEqual([
      { text: 'Great.', lineBreak: false },
      { text: '<br />', lineBreak: true },
      { text: '<br />', lineBreak: true },
      { text: 'Not <b>bad</b>', lineBreak: false },
      { text: '<BR>', lineBreak: true },
      { text: 'at all', lineBreak: false },
      { text: '<br/>', lineBreak: true },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    // The pieces marked as breaks are exactly what the tokenizer turns into spaces.
    const spaced = pieces.map((p) => (p.lineBreak ? ' ' : p.text)).join('');
    expect(tokenizeReview(spaced)).toEqual(tokenizeReview(text));
    expect(splitLineBreaks('')).toEqual([]);
  });
});

describe('textPage', () => {
  it('pages a long review without cutting a piece, and counts what is shown', () => {
    const text = `${'a'.repeat(25)}<br />${'b'.repeat(5)}`;
    const pieces = pagedPieces(text, 10);
    expect(pieces.map((p) => p.text)).toEqual(['aaaaaaaaaa', 'aaaaaaaaaa', 'aaaaa', '<br />', 'bbbbb']);
    const first = textPage(pieces, { maxChars: 10 });
    expect(first).toEqual({ pieces: [pieces[0]], next: 1, shownChars: 10, totalChars: 30 });
    const second = textPage(pieces, { from: first.next!, maxChars: 20 });
    expect(second.pieces.map((p) => p.text)).toEqual(['aaaaaaaaaa', 'aaaaa', '<br />', 'bbbbb']);
    expect(second).toMatchObject({ next: null, shownChars: 30 });
  });

  it('folds a run of many line breaks into one piece that counts them', () => {
    const text = `top${'<br />'.repeat(150_000)}bottom<br /><br />end`;
    const page = textPage(pagedPieces(text));
    expect(page.pieces).toEqual([
      { text: 'top', lineBreak: false },
      { text: '<br />', lineBreak: true, folded: 150_000 },
      { text: 'bottom', lineBreak: false },
      { text: '<br />', lineBreak: true },
      { text: '<br />', lineBreak: true },
      { text: 'end', lineBreak: false },
    ]);
    expect(page.next).toBeNull();
  });

  it('draws a 200,000-word review a page at a time', () => {
    const pieces = pagedPieces('word '.repeat(200_000));
    const pages: number[] = [];
    for (let from: number | null = 0; from !== null;) {
      const page = textPage(pieces, { from });
      pages.push(page.pieces.length);
      from = page.next;
    }
    expect(pages).toHaveLength(50);
    expect(textPage(pieces).shownChars).toBe(20_000);
  });
});

describe('wordCells and rowSummary', () => {
  const vocabulary = ['the', 'film', 'was', 'fine'];
  it('gives each word its id, marks words out of the vocabulary, dropped or cut, and sums it up', () => {
    // Ranks 1..4, and 0 for a word the training split lacks.
    const ranks = Uint32Array.from([2, 3, 0, 4]);
    const words = ['film', 'was', 'zyzzyva', 'fine'];
    const imdb = wordCells(ranks, words, vocabulary, { layout: 'imdb', numWords: 7 }, { maxlen: 3 });
    expect(imdb.cells).toEqual([
      { word: '<start>', id: '1', kind: 'marker', cut: true },
      { word: 'film', id: '5', kind: 'word', cut: true },
      { word: 'was', id: '6', kind: 'word', cut: false },
      { word: 'zyzzyva', id: '2', kind: 'oov', cut: false },
      { word: 'fine', id: '2', kind: 'oov', cut: false },
    ]);
    expect(rowSummary(4, imdb, { maxlen: 3 })).toBe(
      "4 words → 5 ids (<start> = 1 first); 2 words out of the vocabulary became 2. maxlen 3: 'pre' truncation cuts the first 2 ids and keeps the last 3.",
    );
    const tokenizer = wordCells(ranks, words, vocabulary, { layout: 'tokenizer' }, { maxlen: 5, padding: 'post' });
    expect(tokenizer.cells.map((c) => `${c.word}:${c.id}:${c.kind}`)).toEqual([
      'film:2:word',
      'was:3:word',
      'zyzzyva:—:dropped',
      'fine:4:word',
    ]);
    expect(rowSummary(4, tokenizer, { maxlen: 5, padding: 'post' })).toBe(
      "4 words → 3 ids; 1 word missing from the training vocabulary dropped. maxlen 5: 'post' padding puts 2 zeros after the ids.",
    );
  });
});
