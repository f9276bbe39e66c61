/**
 * The Chinese edition of the kit's shared runtime and of chapter 6's widgets: the pure functions
 * that build reader-facing sentences give Chinese when handed the Chinese words, and English by
 * default; a Chinese review is out of the classifier's vocabulary, word for word.
 */
import { describe, expect, it } from 'vitest';
import { chooseBackends } from '../../src/widgets/kit/backend';
import { BACKEND_WORDS } from '../../src/widgets/kit/backend.words';
import { isolationNote } from '../../src/widgets/kit/isolation';
import { coerce, readState } from '../../src/widgets/kit/state';
import { KIT_WORDS } from '../../src/widgets/kit/kit.words';
import { describeClassifier } from '../../src/widgets/kit/trained-classifier';
import { TRAINED_WORDS } from '../../src/widgets/kit/trained.words';
import { missingReason } from '../../src/widgets/kit/classifier-lists';
import { readySummary } from '../../src/widgets/kit/imdb-panel';
import { IMDB_PANEL_WORDS } from '../../src/widgets/kit/imdb-panel.words';
import { chineseOutOfVocabulary, hasChinese } from '../../src/widgets/inside-classifier/classifier-chinese';
import { CLASSIFIER_REVIEW_WORDS } from '../../src/widgets/inside-classifier/classifier-review.words';
import { EXAMPLES } from '../../src/widgets/inside-classifier/classifier-examples';
import { reviewSteps } from '../../src/lstm/sentiment/review-steps';
import { vocabularyFromWords } from '../../src/data/vocabulary';
import type { KitModelMetadata } from '../../src/lstm/sentiment/model-files';
import type { ModelNeighbours } from '../../src/embedding/model-words';
import type { ImdbData } from '../../src/data/loader';

const CHINESE = /[\u4e00-\u9fff]/;

describe('the kit runtime in Chinese', () => {
  it('the stepper uses the decided labels', () => {
    expect(KIT_WORDS.zh.back).toContain('上一步');
    expect(KIT_WORDS.zh.next).toContain('下一步');
    expect(KIT_WORDS.zh.stepLabel).toBe('时间步 t');
    expect(KIT_WORDS.zh.play).toBe('播放');
    expect(KIT_WORDS.zh.pause).toBe('暂停');
  });

  it('explains refused link values in the edition asked for, English by default', () => {
    const schema = { z: { kind: 'number', default: 0, min: -6, max: 6 } } as const;
    const params = new URLSearchParams('act.z=99');
    expect(readState(schema, params, 'act').errors[0]).toMatch(/^z: 99 is outside -6 to 6/);
    const zh = readState(schema, params, 'act', KIT_WORDS.zh).errors[0]!;
    expect(zh).toMatch(CHINESE);
    expect(zh).toContain('99');
    expect(coerce(schema.z, 'x', KIT_WORDS.zh).error).toMatch(CHINESE);
  });

  it('gives the backends’ reasons and the isolation notes in Chinese', () => {
    const probe = { crossOriginIsolated: false, webgpu: null, webglRenderer: null };
    expect(chooseBackends(probe)[0]!.reason).toMatch(/single-threaded/);
    for (const choice of chooseBackends(probe, BACKEND_WORDS.zh)) expect(choice.reason).toMatch(CHINESE);
    expect(isolationNote('service-worker', BACKEND_WORDS.en)).toBe('isolated by a service worker');
    expect(isolationNote('service-worker', BACKEND_WORDS.zh)).toMatch(CHINESE);
    // Outside a page (no <html lang>), the note is English.
    expect(isolationNote('host')).toBe('isolated by the host');
  });

  it('describes the trained model in Chinese', () => {
    const metadata = {
      settings: { maxlen: 500 },
      epochsDone: 10,
      keptEpoch: 4,
      test: { accuracy: 0.8712, count: 25000 },
    } as unknown as KitModelMetadata;
    expect(describeClassifier('r-keras', metadata, TRAINED_WORDS.en)).toBe(
      'r-keras, maxlen 500, epoch 4 of 10 (the best on validation), 87.12% accuracy on 25,000 test reviews',
    );
    const zh = describeClassifier('r-keras', metadata, TRAINED_WORDS.zh);
    expect(zh).toMatch(CHINESE);
    expect(zh).toContain('r-keras');
    expect(zh).toContain('87.12%');
  });

  it('says in Chinese why a word has no neighbours', () => {
    const classifier = {
      metadata: { words: new Array(88000).fill('w') },
      view: { layout: 'imdb', numWords: 10000 },
    } as never;
    const unknown = { word: '电影', status: { kind: 'unknown' }, neighbours: [] } as unknown as ModelNeighbours;
    expect(missingReason(unknown, classifier, TRAINED_WORDS.en)).toMatch(/^not in the model's vocabulary/);
    expect(missingReason(unknown, classifier, TRAINED_WORDS.zh)).toMatch(CHINESE);
    const cut = { word: 'zebra', status: { kind: 'cut', rank: 12000 }, neighbours: [] } as unknown as ModelNeighbours;
    expect(missingReason(cut, classifier, TRAINED_WORDS.zh)).toContain('<oov>');
  });

  it('says what IMDB data is loaded in Chinese', () => {
    const data = {
      dataset: {
        manifest: {
          splits: { train: { count: 25000 }, test: { count: 25000 } },
          vocabulary: { words: 88000 },
          source: { name: 'aclImdb_v1.tar.gz' },
        },
      },
      origin: 'site',
      elapsedMs: 1200,
    } as unknown as ImdbData;
    expect(readySummary(data, IMDB_PANEL_WORDS.en)).toMatch(
      /training and .* test reviews, .* loaded from this site in 1\.2 s\./,
    );
    const zh = readySummary(data, IMDB_PANEL_WORDS.zh);
    expect(zh).toMatch(CHINESE);
    expect(zh).toContain('1.2 s');
  });
});

describe('chapter 6 in Chinese', () => {
  const vocabulary = vocabularyFromWords(['good', 'film', 'bad'], [3, 2, 1]);

  it('finds the Chinese words of a review, all out of the vocabulary', () => {
    for (const layout of ['imdb', 'tokenizer'] as const) {
      const steps = reviewSteps('good film 这部电影很好看 演员也很棒', vocabulary, { layout, maxlen: 8 });
      expect(chineseOutOfVocabulary(steps)).toEqual(['这部电影很好看', '演员也很棒']);
    }
    const english = reviewSteps('good film, bad zebra', vocabulary, { layout: 'imdb', maxlen: 8 });
    expect(chineseOutOfVocabulary(english)).toEqual([]);
    expect(hasChinese('影评')).toBe(true);
    expect(hasChinese('review')).toBe(false);
  });

  it('says in both editions that the model reads English only', () => {
    expect(CLASSIFIER_REVIEW_WORDS.en.englishOnly).toMatch(/English only/);
    expect(CLASSIFIER_REVIEW_WORDS.zh.englishOnly).toMatch(/只读英文/);
    expect(CLASSIFIER_REVIEW_WORDS.zh.chineseWords(2, '2', false)).toMatch(/词汇表外.*<oov>/);
    expect(CLASSIFIER_REVIEW_WORDS.en.chineseWords(1, '1', true)).toMatch(
      /^1 word has Chinese characters: out of the vocabulary/,
    );
  });

  it('has a Chinese title for every example review, whose text stays English', () => {
    for (const example of EXAMPLES) {
      expect(CLASSIFIER_REVIEW_WORDS.zh.examples[example.key]).toMatch(CHINESE);
      expect(CLASSIFIER_REVIEW_WORDS.en.examples[example.key]).toBe(example.title);
      expect(example.text).not.toMatch(CHINESE);
    }
  });
});
