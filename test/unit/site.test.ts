import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chapterPath, neighbours, orderChapters, withBase } from '../../src/paths';
import { applyTheme, nextTheme, readTheme } from '../../src/theme';
import { fmt, fmtInt, fmtSci } from '../../src/widgets/kit/format';
import { widgetModuleName, widgetModules } from '../../src/widgets/kit/names';

describe('paths', () => {
  it('joins base paths with exactly one slash', () => {
    expect(withBase('/', 'chapters/a/')).toBe('/chapters/a/');
    expect(withBase('/kit', '/chapters/a/')).toBe('/kit/chapters/a/');
    expect(withBase('/kit/', 'favicon.svg')).toBe('/kit/favicon.svg');
    expect(chapterPath('01-sequences')).toBe('chapters/01-sequences/');
  });

  it('orders chapters by number and rejects duplicates', () => {
    const c = (id: string, number: number) => ({ id, data: { number } });
    expect(orderChapters([c('b', 2), c('a', 1)]).map((x) => x.id)).toEqual(['a', 'b']);
    expect(() => orderChapters([c('a', 1), c('b', 1)])).toThrow(/a and b both have number 1/);
    expect(neighbours(['x', 'y', 'z'], 0)).toEqual({ previous: undefined, next: 'y' });
    expect(neighbours(['x', 'y', 'z'], 2)).toEqual({ previous: 'y', next: undefined });
  });
});

describe('theme', () => {
  it('cycles system, light, dark and ignores junk in storage', () => {
    expect(nextTheme('system')).toBe('light');
    expect(nextTheme('dark')).toBe('system');
    expect(readTheme({ getItem: () => 'purple' })).toBe('system');
    expect(readTheme({ getItem: () => 'dark' })).toBe('dark');
    const root = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
    applyTheme(root, 'dark');
    expect(root.dataset.theme).toBe('dark');
    applyTheme(root, 'system');
    expect(root.dataset.theme).toBeUndefined();
  });
});

describe('formatting', () => {
  it('prints fixed decimals with a true minus and no negative zero', () => {
    expect(fmt(-1.23456)).toBe('−1.235');
    expect(fmt(-0.0004)).toBe('0.000');
    expect(fmt(Infinity)).toBe('∞');
    expect(fmtInt(120000)).toBe('120,000');
  });

  it('prints tiny and huge numbers in scientific form', () => {
    expect(fmtSci(4.4e-10)).toBe('4.40×10⁻¹⁰');
    expect(fmtSci(0.5)).toBe('0.500');
    expect(fmtSci(0)).toBe('0');
  });
});

describe('widget names', () => {
  it('maps a tag to its module', () => {
    expect(widgetModuleName('kit-rnn-step')).toBe('rnn-step');
    expect(() => widgetModuleName('rnn-step')).toThrow(/start with "kit-"/);
  });

  it('finds modules in the chapter folders by file name, not in kit/, and refuses two of one name', () => {
    const found = widgetModules({ '../sequences/rnn-step.ts': 1, '../kit/dom.ts': 2, '../limits/limits-length.ts': 3 });
    expect([...found]).toEqual([
      ['rnn-step', 1],
      ['limits-length', 3],
    ]);
    expect(() => widgetModules({ '../a/x.ts': 1, '../b/x.ts': 2 })).toThrow(/Two widget modules are named x.ts/);
  });

  it('every kit- tag in the chapters has its module in the chapter folders', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const paths: Record<string, true> = {};
    for (const dir of readdirSync(join(root, 'src/widgets'), { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const f of readdirSync(join(root, 'src/widgets', dir.name))) paths[`../${dir.name}/${f}`] = true;
    }
    const modules = widgetModules(paths);
    // Both editions' chapters (the Chinese ones in chapters/zh/).
    const files = [
      ...readdirSync(join(root, 'chapters')).filter((f) => f.endsWith('.mdx')),
      ...readdirSync(join(root, 'chapters/zh')).map((f) => `zh/${f}`),
    ];
    const tags = files.flatMap((f) =>
      [...readFileSync(join(root, 'chapters', f), 'utf8').matchAll(/<(kit-[a-z-]+)/g)].map((m) => m[1]!),
    );
    expect(tags.length).toBeGreaterThan(20);
    for (const tag of tags) expect(modules.has(widgetModuleName(tag)), tag).toBe(true);
  });
});

describe('log-axis ticks', () => {
  it('labels powers of ten only', async () => {
    const { powerOfTen } = await import('../../src/widgets/kit/format');
    expect([1, 10, 100, 1e-6, 0.001].map(powerOfTen)).toEqual(['1', '10', '10²', '10⁻⁶', '10⁻³']);
    expect(powerOfTen(20)).toBe('');
    expect(powerOfTen(0)).toBe('');
  });
});

describe('time per chapter on the home page', () => {
  it('counts the prose a reader reads, not the asides, code, tags or formulas, and the cells', async () => {
    const { aboutMinutes, cellCount, chapterTime, proseWords } = await import('../../src/reading');
    const mdx = [
      '---\ntitle: T\nnumber: 1\nsummary: not counted\n---',
      "import Cell from '../src/components/Cell.astro';",
      'One [linked term](../../glossary/#gate) here, and $x_t$ inline.',
      '$$\nh_t = \\tanh(x_t)\n$$',
      '<Cell id="a" title="Two words" caption="three more words">\n  <kit-a></kit-a>\n</Cell>',
      '<UnderTheHood title="Skipped">\n\n`npm run data` and many more words\n\n</UnderTheHood>',
      '```js\nconst notCounted = 1;\n```',
    ].join('\n\n');
    // One linked term here and formula inline | formula | Two words three more words
    expect(proseWords(mdx)).toBe(7 + 1 + 5);
    expect(cellCount(mdx)).toBe(1);
    expect([0, 2, 7.4, 7.5, 21].map(aboutMinutes)).toEqual([5, 5, 5, 10, 20]);
    expect(chapterTime(mdx, 5)).toEqual({ reading: 5, trying: 5 });
  });

  it('counts Chinese prose by its characters, two to an English word, and the Latin words among them', async () => {
    const { proseWords } = await import('../../src/reading');
    // 8 Han characters (4 words), "LSTM" and "64" (2 words); the punctuation counts for nothing.
    expect(proseWords('LSTM 的遗忘门有 64 个单元。')).toBe(4 + 2);
  });
});
