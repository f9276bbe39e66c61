/**
 * Every message catalogue of the kit (`src/**\/*.words.ts`, see src/i18n/words.ts), with its
 * strings flattened: the unit test checks that both editions match, and the end-to-end test that
 * a Chinese page shows none of the English ones. Functions are called with a stand-in that reads
 * as 7 wherever a number or a string goes, so their sentences are flattened too.
 */
import type { Words } from '../../src/i18n/words';

const modules = import.meta.glob<Record<string, unknown>>('../../src/**/*.words.ts', { eager: true });

/** Reads as 7 as a primitive; any property of it, or any call, is the same stand-in. */
const standIn: unknown = new Proxy(function () {}, {
  get: (_, key) => (key === Symbol.toPrimitive ? () => 7 : key === 'length' ? 7 : standIn),
  apply: () => standIn,
});

/** A catalogue's strings as [path, text] pairs, in a fixed order. */
export function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function')
    return leaves((value as (...a: unknown[]) => unknown)(standIn, standIn, standIn), path);
  if (Array.isArray(value)) return value.flatMap((v, k) => leaves(v, `${path}[${k}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, String(value)]];
}

/** Every catalogue, named by its file and export. */
export const CATALOGUES = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, v]) => v && typeof v === 'object' && 'en' in v && 'zh' in v && 'now' in v)
    .map(([name, v]) => ({ name: `${file.replace('../../', '')} ${name}`, words: v as Words<object> })),
);

/**
 * The English phrases a Chinese page must not show: the pieces of every English string that
 * differs from its Chinese counterpart, cut where a number or an argument goes, that hold at
 * least two words of three letters or more ("Show the slopes", not "Step t" or "tanh"), and that
 * no Chinese string uses as it is.
 */
export function englishPhrases(): string[] {
  const phrases = new Set<string>();
  // Names both editions use as they are ("skip-gram", "Large Movie Review Dataset") are not English left over.
  const chinese = CATALOGUES.flatMap(({ words }) => leaves(words.zh).map(([, t]) => t)).join('\n');
  for (const { words } of CATALOGUES) {
    const en = leaves(words.en);
    const zh = leaves(words.zh);
    en.forEach(([, english], k) => {
      if (english === zh[k]?.[1]) return;
      for (const piece of english.split(/7|[\n:;()“”"]/)) {
        const phrase = piece
          .trim()
          .replace(/[.,!?…▶◀]+$/g, '')
          .trim();
        if ((phrase.match(/[A-Za-z]{3,}/g) ?? []).length >= 2 && !chinese.includes(phrase)) phrases.add(phrase);
      }
    });
  }
  return [...phrases];
}
