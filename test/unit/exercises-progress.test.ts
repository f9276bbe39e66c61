import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  countDone,
  emptyProgress,
  parseProgress,
  serialiseProgress,
  withAnswer,
  withSolved,
  PROGRESS_KEY,
} from '../../src/exercises/progress';

describe('the exercises progress', () => {
  it('round-trips through its stored form', () => {
    const p = withAnswer(withSolved(withSolved(emptyProgress(), 'a'), 'b'), 'guess', -3);
    expect(parseProgress(JSON.parse(JSON.stringify(serialiseProgress(p))))).toEqual({
      solved: ['a', 'b'],
      answered: { guess: -3 },
    });
  });

  it('marks a challenge solved once, and keeps the latest guess', () => {
    let p = withSolved(emptyProgress(), 'a');
    expect(withSolved(p, 'a')).toBe(p);
    p = withAnswer(withAnswer(p, 'q', 1), 'q', 'same');
    expect(p.answered).toEqual({ q: 'same' });
  });

  it('starts afresh on values another version or a stranger wrote, keeping only well-formed entries', () => {
    expect(parseProgress(null)).toEqual(emptyProgress());
    expect(parseProgress('solved')).toEqual(emptyProgress());
    expect(parseProgress({ version: 2, solved: ['a'] })).toEqual(emptyProgress());
    expect(parseProgress({ solved: ['a'] })).toEqual(emptyProgress());
    expect(
      parseProgress({ version: 1, solved: ['a', 3, 'a', null], answered: { q: 2, r: null, s: 'up', t: NaN } }),
    ).toEqual({ solved: ['a'], answered: { q: 2, s: 'up' } });
    expect(parseProgress({ version: 1, solved: 'a', answered: [1] })).toEqual(emptyProgress());
  });

  it('counts what is done of a chapter, ignoring other chapters', () => {
    const p = withAnswer(withSolved(withSolved(emptyProgress(), 'a'), 'elsewhere'), 'q', 0.5);
    expect(countDone(p, { challenges: ['a', 'b', 'c'], predictions: ['q', 'r'] })).toEqual({ solved: 1, answered: 1 });
  });
});

describe('the progress in the browser', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** A page with storage that keeps values, or throws like a blocked or full one. */
  function stubPage(storage: 'works' | 'throws') {
    const kept = new Map<string, string>();
    const events: string[] = [];
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => {
        if (storage === 'throws') throw new Error('blocked');
        return kept.get(k) ?? null;
      },
      setItem: (k: string, v: string) => {
        if (storage === 'throws') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        kept.set(k, v);
      },
      removeItem: (k: string) => kept.delete(k),
    });
    vi.stubGlobal('window', { dispatchEvent: (e: Event) => events.push(e.type), addEventListener: () => {} });
    vi.stubGlobal(
      'CustomEvent',
      class {
        constructor(public type: string) {}
      },
    );
    return { kept, events };
  }

  it('keeps progress in localStorage and tells the page', async () => {
    const { kept, events } = stubPage('works');
    kept.set(PROGRESS_KEY, JSON.stringify({ version: 1, solved: ['old'], answered: {} }));
    const { loadProgress, saveProgress } = await import('../../src/exercises/progress');
    expect(loadProgress().solved).toEqual(['old']);
    expect(saveProgress(withSolved(loadProgress(), 'new'))).toBeNull();
    expect(JSON.parse(kept.get(PROGRESS_KEY)!)).toEqual({ version: 1, solved: ['old', 'new'], answered: {} });
    expect(events).toEqual(['kit-progress']);
    expect(saveProgress(null)).toBeNull();
    expect(kept.has(PROGRESS_KEY)).toBe(false);
    expect(loadProgress()).toEqual(emptyProgress());
  });

  it('keeps progress for the page where storage refuses it, and says why', async () => {
    stubPage('throws');
    const { loadProgress, saveProgress } = await import('../../src/exercises/progress');
    expect(loadProgress()).toEqual(emptyProgress());
    expect(saveProgress(withSolved(loadProgress(), 'a'))).toBe('The quota has been exceeded.');
    expect(loadProgress().solved).toEqual(['a']);
  });
});
