/**
 * One error type for everything that can go wrong with the data, so that the command line can
 * print a single clear line and the browser can show a friendly message, whatever the cause.
 */

import type { Locale } from '../i18n/locales.ts';
import { DATA_WORDS } from './data.words.ts';
import type { DataErrorCode } from './error-codes.ts';

export type { DataErrorCode } from './error-codes.ts';

/** An error in reading, preparing or loading the IMDB data; `message` is one line for people. */
export class DataError extends Error {
  /** What went wrong, for code that wants to react to it. */
  readonly code: DataErrorCode;

  constructor(code: DataErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DataError';
    this.code = code;
  }
}

/** True when `error` is a {@link DataError}, optionally with the given code. */
export function isDataError(error: unknown, code?: DataErrorCode): error is DataError {
  return error instanceof DataError && (code === undefined || error.code === code);
}

/**
 * The text of anything thrown, never empty: Chromium's `QuotaExceededError` and some others
 * come with an empty message, and an empty message must not read as "no error".
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)) {
    return (error as Error).message || (error as Error).name || 'an unknown error';
  }
  return String(error) || 'an unknown error';
}

/** True for the error a browser throws when a site's storage is full. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || /quota/i.test(errorMessage(error));
}

/**
 * Why something could not be kept in the browser's storage, in words a reader can act on:
 * for a full quota, how much room it needed (`bytes`) and how to make room.
 */
export function storageErrorMessage(error: unknown, bytes: number, locale: Locale = 'en'): string {
  if (!isQuotaError(error)) return errorMessage(error);
  const mb = Math.max(1, Math.round(bytes / 1e6));
  return DATA_WORDS[locale].storageFull(String(mb));
}
