/**
 * The kit's two editions: English at the site's root, Simplified Chinese under `zh/`. Pure, so
 * that pages, components and widgets agree on where each edition lives and what it is called.
 */

export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language tag each edition declares (`<html lang>`, `hreflang`, `Intl`). */
export const LANG_TAG: Readonly<Record<Locale, string>> = { en: 'en', zh: 'zh-Hans' };

/** Each edition's name, written in its own language, as the language switch shows it. */
export const LOCALE_NAME: Readonly<Record<Locale, string>> = { en: 'English', zh: '中文' };

/** Where an edition's pages start inside the site: '' for English, 'zh/' for Chinese. */
export function localePrefix(locale: Locale): string {
  return locale === 'en' ? '' : `${locale}/`;
}

/** The edition of a path inside the site (after the base path, no leading slash). */
export function localeOfPath(path: string): Locale {
  return /^zh(\/|$)/.test(path.replace(/^\/+/, '')) ? 'zh' : 'en';
}

/** The same page in edition `to`: a path inside the site, e.g. 'chapters/x/' <-> 'zh/chapters/x/'. */
export function pathInLocale(path: string, to: Locale): string {
  const bare = path.replace(/^\/+/, '').replace(/^zh(\/|$)/, '');
  return localePrefix(to) + bare;
}

/** The edition of a page's URL on a site published under `base` ('/' or '/lstm-kit/'). */
export function localeOfUrl(pathname: string, base: string): Locale {
  const b = base.endsWith('/') ? base : `${base}/`;
  return localeOfPath(pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, ''));
}

/** The other edition: where the language switch leads. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'zh' : 'en';
}
