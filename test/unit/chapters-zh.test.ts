/**
 * Each Chinese chapter (chapters/zh/<name>.mdx) is its English chapter in other words, not
 * another chapter: the same sections in the same order (the language switch leads from section
 * N to section N), the same widgets with the same ids (links to a widget state work in both),
 * the same exercises and asides, the same formulas and the same links, and every number its
 * prose quotes is one the English quotes (they come from measured runs).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const english = readdirSync(join(root, 'chapters')).filter((f) => f.endsWith('.mdx'));
const chinese = existsSync(join(root, 'chapters/zh'))
  ? readdirSync(join(root, 'chapters/zh')).filter((f) => f.endsWith('.mdx'))
  : [];

const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1] ?? m[0]);
/** The parts that must match, in order. */
function skeleton(mdx: string) {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  return {
    sections: all(body, /^(#{2,3}) /gm),
    cells: all(body, /<Cell id="([^"]+)"/g),
    exercises: all(body, /<(?:Predict|Challenge) id="([^"]+)"/g),
    asides: all(body, /<UnderTheHood\b/g).length,
    widgets: all(body, /<(kit-[a-z-]+)/g),
    displayFormulas: all(body, /\$\$([\s\S]*?)\$\$/g).map((f) => f.replace(/\s+/g, ' ').trim()),
    links: all(body, /\]\(([^)\s]+)\)/g).sort(),
    number: /^number: (\d+)$/m.exec(mdx)?.[1],
  };
}

/** A number as written, as a plain decimal: "25,000" and "2.6 million" or "260 万" (Chinese counts in ten thousands). */
function value(written: string): string {
  const n = Number(written.replace(/,|\s*(million|万)$/g, ''));
  const scale = /million$/.test(written) ? 1e6 : /万$/.test(written) ? 1e4 : 1;
  return String(Math.round(n * scale * 1e6) / 1e6);
}

describe('the Chinese chapters', () => {
  it('exist for every English chapter, and only for them', () => {
    expect(chinese.sort()).toEqual(english.sort());
  });

  for (const file of chinese) {
    it(`${file}: the English chapter's sections, widgets, exercises, formulas and links, in order`, () => {
      const en = readFileSync(join(root, 'chapters', file), 'utf8');
      const zh = readFileSync(join(root, 'chapters/zh', file), 'utf8');
      expect(skeleton(zh)).toEqual(skeleton(en));
      // Its imports reach the components from one folder deeper.
      expect(zh).not.toMatch(/from '\.\.\/src\//);
      // Written in Chinese: most of its letters are Chinese characters.
      const han = (zh.match(/\p{Script=Han}/gu) ?? []).length;
      expect(han, 'Chinese characters').toBeGreaterThan(1500);
    });

    it(`${file}: quotes only numbers the English chapter quotes (besides small counts)`, () => {
      const numbers = (mdx: string) =>
        new Set(
          all(
            mdx
              .replace(/^---\n[\s\S]*?\n---\n/, '')
              .replace(/\$\$[\s\S]*?\$\$|\$[^$\n]+\$|```[\s\S]*?```|`[^`]*`|\]\([^)]*\)|<[^>]*>/g, ' '),
            /\d[\d,]*(?:\.\d+)?(?:\s*(?:million|万))?/g,
          ).map(value),
        );
      const en = numbers(readFileSync(join(root, 'chapters', file), 'utf8'));
      // Small whole numbers are counts and chapter numbers that English may spell out ("two
      // layers"); 100 is "all of them" ("every word", 100 %).
      const extra = [...numbers(readFileSync(join(root, 'chapters/zh', file), 'utf8'))].filter(
        (n) => !en.has(n) && !(Number.isInteger(Number(n)) && (Number(n) <= 20 || Number(n) === 100)),
      );
      expect(extra).toEqual([]);
    });
  }
});
