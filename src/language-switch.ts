/**
 * The language switch in the page header leads to the same place in the other edition: it
 * carries the widgets' state (the URL's query) and the section being read (by its place, see
 * src/toc.ts), and remembers the edition chosen.
 */
import { currentSectionHash } from './toc';
import { LOCALES, type Locale } from './i18n/locales';

/** Where the reader's choice of edition is kept. */
export const LOCALE_KEY = 'kit-locale';

/** The edition kept in `storage`, or null when none was chosen (or storage is blocked). */
export function chosenLocale(storage: Pick<Storage, 'getItem'> | null): Locale | null {
  try {
    const v = storage?.getItem(LOCALE_KEY) ?? null;
    return (LOCALES as readonly string[]).includes(v ?? '') ? (v as Locale) : null;
  } catch {
    return null;
  }
}

/** Wires the switch's links on this page. */
export function followLanguageSwitch(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.language-switch a[data-locale]')) {
    const target = link.getAttribute('href')!;
    const go = () => {
      const headings = document.querySelectorAll<HTMLElement>('article.chapter h2');
      link.href = `${target}${location.search}${currentSectionHash(headings)}`;
      try {
        localStorage.setItem(LOCALE_KEY, link.dataset.locale!);
      } catch {
        // Storage blocked: the switch still works, it is only not remembered.
      }
    };
    // Before the browser follows it, so that it leads to the place read now: a click (Enter on a
    // link is one too), or a pointer about to open it in a new tab.
    link.addEventListener('pointerdown', go);
    link.addEventListener('click', go);
  }
}
