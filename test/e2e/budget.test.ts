import { describe, expect, it } from 'vitest';
import { pageWeights, staticImports } from '../../scripts/lib/page-weight';
import { E2E_BASE, E2E_DIR } from './harness';

describe('page budgets of the built site', () => {
  it('finds static imports in minified modules but not dynamic ones', () => {
    expect(staticImports('import{a as b}from"./shared.js";import"./x.js";const m=import("./lazy.js")')).toEqual([
      './shared.js',
      './x.js',
    ]);
  });

  it('keeps every page under 60 KB of JavaScript before a widget starts, with no MathJax', () => {
    const weights = pageWeights(E2E_DIR, E2E_BASE);
    const chapter = weights.find((w) => w.page === 'chapters/01-sequences/index.html');
    expect(chapter, 'chapter 1 was built').toBeDefined();
    expect(chapter!.js).toBeGreaterThan(0);
    for (const w of weights) {
      expect(w.js, w.page).toBeLessThan(60 * 1024);
      expect(w.mathjax, w.page).toBe(false);
    }
  });
});
