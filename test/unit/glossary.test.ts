import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, plainText, segments } from '../../src/glossary';
import { REFERENCES } from '../../src/references';
import { texToSvg } from '../../src/tex/mathjax';

const root = fileURLToPath(new URL('../..', import.meta.url));
const chapterFiles = readdirSync(join(root, 'chapters')).filter((f) => f.endsWith('.mdx'));
const chapterIds = new Set(chapterFiles.map((f) => f.replace(/\.mdx$/, '')));
/** The Chinese chapters (`zh/<name>.mdx`), whose links resolve in the Chinese edition's pages. */
const chineseFiles = existsSync(join(root, 'chapters/zh'))
  ? readdirSync(join(root, 'chapters/zh'))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => `zh/${f}`)
  : [];

/** The slugs and ids every helper of issue 13 agreed on; the pages must define each. */
const SLUGS = [
  'cell-state',
  'hidden-state',
  'gate',
  'forget-gate',
  'input-gate',
  'output-gate',
  'candidate',
  'sigmoid',
  'tanh',
  'recurrent-network',
  'vanishing-gradient',
  'backpropagation-through-time',
  'logit',
  'loss',
  'binary-cross-entropy',
  'accuracy',
  'precision-recall',
  'one-hot',
  'embedding',
  'vocabulary',
  'oov',
  'tokenizer',
  'cosine-similarity',
  'skip-gram',
  'maxlen',
  'padding',
  'truncation',
  'batch',
  'epoch',
  'validation',
  'overfitting',
  'dropout',
  'optimizer',
];
const IDS = [
  'source-python',
  'source-r',
  'hochreiter-1997',
  'olah-2015',
  'maas-2011',
  'mikolov-2013',
  'chollet-2017',
  'keras-imdb',
];

/**
 * The ids a page's element ids come from, read from its .astro source: the page must render
 * `id={<x>.slug}` (glossary) or `id={<x>.id}` (sources) from the list it imports.
 */
function pageIds(page: 'glossary' | 'references'): Set<string> {
  // Both editions' pages are drawn by one component each.
  const source = readFileSync(
    join(root, 'src/components/pages', page === 'glossary' ? 'GlossaryPage.astro' : 'ReferencesPage.astro'),
    'utf8',
  );
  if (page === 'glossary') {
    expect(source).toMatch(/import \{[^}]*\bGLOSSARY\b[^}]*\} from '\.\.\/\.\.\/glossary'/);
    expect(source).toMatch(/id=\{e\.slug\}/);
    return new Set(GLOSSARY.map((e) => e.slug));
  }
  expect(source).toMatch(/import \{[^}]*\bREFERENCES\b[^}]*\} from '\.\.\/\.\.\/references'/);
  expect(source).toMatch(/id=\{r\.id\}/);
  return new Set(REFERENCES.map((r) => r.id));
}

describe('glossary', () => {
  it('defines exactly the agreed terms, once each, in alphabetical order', () => {
    const slugs = GLOSSARY.map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect([...slugs].sort()).toEqual([...SLUGS].sort());
    const terms = GLOSSARY.map((e) => plainText(e.term));
    const sorted = [...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
    expect(terms).toEqual(sorted);
  });

  it('gives each term a definition of two to four sentences and chapters that exist', () => {
    for (const e of GLOSSARY) {
      // Sentences end in ". " or a final "."; numbers such as 0.5 have no space after the point.
      const sentences = plainText(e.definition)
        .split(/[.!?](?:\s+|$)/)
        .filter((s) => s.trim().length > 0);
      expect(sentences.length, e.slug).toBeGreaterThanOrEqual(2);
      expect(sentences.length, e.slug).toBeLessThanOrEqual(4);
      expect(chapterIds.has(e.first), `${e.slug}: ${e.first}`).toBe(true);
      for (const c of e.also ?? []) {
        expect(chapterIds.has(c), `${e.slug}: ${c}`).toBe(true);
        expect(c, `${e.slug}: "also" repeats the first chapter`).not.toBe(e.first);
      }
    }
  });

  it('typesets every symbol and formula in the glossary and the sources', () => {
    const texts = [
      ...GLOSSARY.flatMap((e) => [e.term, e.definition, ...(e.symbol ? [`$${e.symbol}$`] : [])]),
      ...REFERENCES.flatMap((r) => [r.takes, r.description ?? '', r.title ?? '']),
    ];
    let formulas = 0;
    for (const t of texts)
      for (const s of segments(t))
        if (s.kind === 'math') {
          expect(() => texToSvg(s.value), s.value).not.toThrow();
          formulas++;
        }
    expect(formulas).toBeGreaterThan(30);
  });

  it('splits marked-up text into plain text, TeX and code', () => {
    expect(segments('a $x_t$ and `maxlen`.')).toEqual([
      { kind: 'text', value: 'a ' },
      { kind: 'math', value: 'x_t' },
      { kind: 'text', value: ' and ' },
      { kind: 'code', value: 'maxlen' },
      { kind: 'text', value: '.' },
    ]);
    expect(segments('no markup')).toEqual([{ kind: 'text', value: 'no markup' }]);
    expect(plainText('$C_t$ is `x`')).toBe('C_t is x');
  });
});

describe('sources', () => {
  it('lists exactly the agreed sources, each with what the kit takes from it', () => {
    expect(REFERENCES.map((r) => r.id).sort()).toEqual([...IDS].sort());
    for (const r of REFERENCES) {
      expect(r.takes.length, r.id).toBeGreaterThan(40);
      expect(r.chapters.length, r.id).toBeGreaterThan(0);
      for (const c of r.chapters) expect(chapterIds.has(c), `${r.id}: ${c}`).toBe(true);
      for (const l of r.links ?? []) expect(l.href, r.id).toMatch(/^https:\/\//);
    }
  });

  it('describes the two source articles without a title, an author or an address the kit does not have', () => {
    for (const id of ['source-python', 'source-r']) {
      const r = REFERENCES.find((x) => x.id === id)!;
      expect(r.description).toMatch(/a Chinese blog post/i);
      expect([r.title, r.authors, r.links, r.year]).toEqual([undefined, undefined, undefined, undefined]);
    }
  });

  it('cites the papers by their real titles and venues', () => {
    const cite = (id: string) => REFERENCES.find((r) => r.id === id)!;
    expect(cite('hochreiter-1997')).toMatchObject({ title: 'Long Short-Term Memory', year: 1997 });
    expect(cite('hochreiter-1997').venue).toMatch(/Neural Computation 9\(8\), 1735–1780/);
    expect(cite('olah-2015').title).toBe('Understanding LSTM Networks');
    expect(cite('maas-2011').title).toBe('Learning Word Vectors for Sentiment Analysis');
    expect(cite('mikolov-2013').title).toBe(
      'Distributed Representations of Words and Phrases and their Compositionality',
    );
    expect(cite('keras-imdb').takes).toMatch(/index_from = 3/);
    expect(cite('chollet-2017')).toMatchObject({ title: 'Deep Learning with Python', year: 2017 });
  });
});

describe('links from the chapters', () => {
  it('every glossary and sources link in a chapter of either edition names an entry the page defines, or the page itself', () => {
    const defined = { glossary: pageIds('glossary'), references: pageIds('references') };
    const bad: string[] = [];
    for (const file of [...chapterFiles, ...chineseFiles]) {
      const text = readFileSync(join(root, 'chapters', file), 'utf8');
      // Any link target that mentions either page, however it is written.
      for (const m of text.matchAll(
        /\]\(([^)\s]*(?:glossary|references)[^)\s]*)\)|href="([^"]*(?:glossary|references)[^"]*)"/g,
      )) {
        const target = m[1] ?? m[2]!;
        // A link to a whole page (the end of the last chapter) is fine; one to an entry must exist.
        if (/^\.\.\/\.\.\/(glossary|references)\/$/.test(target)) continue;
        const parts = /^\.\.\/\.\.\/(glossary|references)\/#([a-z0-9-]+)$/.exec(target);
        if (!parts) bad.push(`${file}: ${target} (write ../../glossary/#slug or ../../references/#id)`);
        else if (!defined[parts[1] as 'glossary' | 'references'].has(parts[2]!))
          bad.push(`${file}: ${target} (no such ${parts[1] === 'glossary' ? 'term' : 'source'})`);
      }
    }
    expect(bad).toEqual([]);
  });
});
