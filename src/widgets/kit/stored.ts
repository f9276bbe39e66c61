/**
 * Small JSON values a widget keeps in localStorage for the next visit (a checkpoint's summary,
 * evaluation results, baselines). Storage may be blocked, full or hold a value another version
 * wrote: reading then gives null, and writing says why it failed instead of throwing.
 */

/** The parsed value kept under `key`, or null when there is none or it cannot be read. */
export function readStored(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

/** Keeps `value` under `key` (null removes it); returns null, or why storage refused. */
export function writeStored(key: string, value: unknown): string | null {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
