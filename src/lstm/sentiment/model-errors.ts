/**
 * What a reader is told when model files do not load: ./model-files.ts throws errors with a
 * code (and an English message for logs), and a page words the code in its edition, with the
 * English details after it. Pure: no tfjs.
 */
import type { Locale } from '../../i18n/locales.ts';
import { SENTIMENT_WORDS } from './sentiment.words.ts';

/** Why model files could not be used. */
export type ModelFileErrorCode =
  | 'no-metadata'
  | 'not-kit'
  | 'version'
  | 'bad-metadata'
  | 'unreadable'
  | 'no-topology'
  | 'no-weights'
  | 'malformed'
  | 'contradicts';

/** An Error with a {@link ModelFileErrorCode}. */
export function modelFileError(code: ModelFileErrorCode, message: string, options?: { cause?: unknown }): Error {
  return Object.assign(new Error(message, options), { code });
}

/** `error` as a reader reads it in edition `locale`: English says its message; Chinese says what went wrong, then it. */
export function modelFileErrorText(error: unknown, locale: Locale = 'en'): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const known: Record<string, string> = SENTIMENT_WORDS[locale].modelFileErrors;
  return typeof code === 'string' && code in known
    ? SENTIMENT_WORDS[locale].modelFileError(known[code]!, message)
    : message;
}
