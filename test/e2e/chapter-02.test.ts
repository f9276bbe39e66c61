import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lstmStep, type LstmWeights } from '../../src/lstm';
import { CELL_PRESETS, DEFAULT_CELL } from '../../src/lstm/cell/cell-presets';
import { hardSigmoidStep, type OneUnitCell } from '../../src/lstm/cell/one-unit';
import { fmt } from '../../src/widgets/kit/format';
import { num, text, useSite, widget } from './harness';

const site = useSite();
const CHAPTER = 'chapters/02-lstm-cell/';
const W = 'kit-lstm-cell';

/** The cell's weights written out in the Keras layout (gate columns i, f, c, o), independently of the widget. */
function kerasWeights(p: OneUnitCell): LstmWeights {
  return {
    inputDim: 2,
    units: 1,
    kernel: Float64Array.of(p.wi1, p.wf1, p.wc1, p.wo1, p.wi2, p.wf2, p.wc2, p.wo2),
    recurrentKernel: Float64Array.of(p.ui, p.uf, p.uc, p.uo),
    bias: Float64Array.of(p.bi, p.bf, p.bc, p.bo),
  };
}

/** What the kit's lstmStep gives for a state of the widget. */
function expected(p: OneUnitCell) {
  const s = lstmStep(kerasWeights(p), Float64Array.of(p.x1, p.x2), Float64Array.of(p.hPrev), Float64Array.of(p.cPrev));
  return { f: s.f[0], i: s.i[0], cTilde: s.cTilde[0], o: s.o[0], c: s.c[0], h: s.h[0] };
}

/** A number the widget prints, by its data-role. */
async function shown(page: Page, role: string): Promise<number> {
  return num(await text(page, `${W} [data-role="${role}"]`));
}

describe('chapter 2: the LSTM cell', () => {
  it('recomputes every gate, C_t and h_t with lstmStep when a gate control moves', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, W);
    const start = expected(DEFAULT_CELL);
    expect(await text(page, `${W} [data-role="cNew"]`)).toBe(fmt(start.c));
    expect(await text(page, `${W} [data-role="h"]`)).toBe(fmt(start.h));

    await w.locator('input[name="bf"]').fill('-2.5');
    await w.locator('input[name="wi2"]').fill('-3');
    await w.locator('input[name="x2"]').fill('1.25');
    const state = { ...DEFAULT_CELL, bf: -2.5, wi2: -3, x2: 1.25 };
    const e = expected(state);
    expect(await text(page, `${W} [data-role="cNew"]`)).toBe(fmt(e.c));
    expect(await text(page, `${W} [data-role="h"]`)).toBe(fmt(e.h));
    for (const [role, v] of [
      ['f', e.f],
      ['i', e.i],
      ['cTilde', e.cTilde],
      ['o', e.o],
    ] as const)
      expect(await text(page, `${W} [data-role="${role}"]`), role).toBe(fmt(v));
    expect(fmt(e.c)).not.toBe(fmt(start.c));
    // The terms of the forget gate: w_f,1 x_1, w_f,2 x_2, u_f h_{t-1}, b_f.
    expect(await text(page, `${W} [data-role="f-terms"]`)).toBe(
      `${fmt(state.wf1 * state.x1)} − ${fmt(-state.wf2 * state.x2)} + ${fmt(state.uf * state.hPrev)} − ${fmt(2.5)}`,
    );
    // Four operating points, one per gate panel.
    expect(await w.locator('[data-role="plot"] svg g[aria-label="dot"] circle').count()).toBe(4);
  });

  it('applies each preset, and each does what it says', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, W);
    const press = async (id: string) => {
      await w.locator(`button[data-preset="${id}"]`).click();
      expect(await w.locator(`button[data-preset="${id}"]`).getAttribute('aria-pressed')).toBe('true');
      expect(await w.locator('button[aria-pressed="true"]').count()).toBe(1);
    };
    const matches = async (id: string) => {
      const preset = CELL_PRESETS.find((p) => p.id === id)!;
      const e = expected(preset.cell);
      expect(await text(page, `${W} [data-role="cNew"]`)).toBe(fmt(e.c));
      expect(await text(page, `${W} [data-role="h"]`)).toBe(fmt(e.h));
      expect(await text(page, `${W} [data-role="preset-note"]`)).toBe(preset.description);
    };

    await press('forget');
    await matches('forget');
    expect(num(await w.locator('input[name="cPrev"]').inputValue())).toBe(2);
    expect(await shown(page, 'f')).toBeLessThan(0.01);
    expect(
      Math.abs((await shown(page, 'cNew')) - (await shown(page, 'i')) * (await shown(page, 'cTilde'))),
    ).toBeLessThan(0.002);
    expect(Math.abs(await shown(page, 'cNew'))).toBeLessThan(0.01);
    // In the diagram nothing flows past the forget gate.
    expect(await w.locator('[data-wire="kept"]').getAttribute('class')).toContain('zero');

    await press('keep');
    await matches('keep');
    expect(await shown(page, 'f')).toBeGreaterThan(0.99);
    expect(Math.abs((await shown(page, 'cNew')) - 2)).toBeLessThan(0.01);
    expect(Math.abs(await shown(page, 'h'))).toBeLessThan(0.01);
    expect(await w.locator('[data-wire="cNew"]').getAttribute('class')).toContain('pos');

    await press('write');
    await matches('write');
    expect(Math.abs((await shown(page, 'cNew')) - (await shown(page, 'cTilde')))).toBeLessThan(0.01);
    expect(num(await w.locator('input[name="cPrev"]').inputValue())).toBeLessThan(0);
    expect(await shown(page, 'cNew')).toBeGreaterThan(0.9);
    expect(await w.locator('[data-wire="cPrev"]').getAttribute('class')).toContain('neg');

    await press('read');
    await matches('read');
    expect(await shown(page, 'o')).toBeGreaterThan(0.99);
    expect(Math.abs((await shown(page, 'h')) - Math.tanh(await shown(page, 'cNew')))).toBeLessThan(0.002);

    await press('saturated');
    await matches('saturated');
    expect(await shown(page, 'f')).toBeGreaterThan(0.999);
    expect(await text(page, `${W} [data-role="f-slope"]`)).toMatch(/saturated$/);
    // A step of its x₁ weight leaves f_t unchanged to three decimals, and the preset is left.
    const before = await text(page, `${W} [data-role="f"]`);
    await w.locator('input[name="wf1"]').focus();
    await page.keyboard.press('ArrowLeft');
    expect(num(await w.locator('input[name="wf1"]').inputValue())).toBeCloseTo(5.9, 10);
    expect(await text(page, `${W} [data-role="f"]`)).toBe(before);
    expect(await w.locator('button[aria-pressed="true"]').count()).toBe(0);
  });

  it('keeps the state in the URL: a reload and a shared link restore a preset', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, W);
    await w.locator('button[data-preset="forget"]').click();
    await page.waitForFunction(
      () => location.search.includes('cell.bf=-8') && location.search.includes('cell.cPrev=2'),
    );
    const forget = expected(CELL_PRESETS.find((p) => p.id === 'forget')!.cell);
    const link = await page.locator('#cell-cell [data-role="link"]').getAttribute('href');
    expect(link).toMatch(/cell\.bf=-8.*#cell-cell$/);

    await page.reload();
    const again = await widget(page, W);
    expect(await again.locator('button[data-preset="forget"]').getAttribute('aria-pressed')).toBe('true');
    expect(await text(page, `${W} [data-role="cNew"]`)).toBe(fmt(forget.c));
    expect(await text(page, `${W} [data-role="f"]`)).toBe(fmt(forget.f));

    // A teacher's link opens a fresh page with the same state.
    const fresh = await site.open(link!.replace(/^\/lstm-kit\//, ''));
    await widget(fresh, W);
    expect(await text(fresh, `${W} [data-role="cNew"]`)).toBe(fmt(forget.c));
    expect(await fresh.locator(`${W} input[name="cPrev"]`).inputValue()).toBe('2');

    await page.locator('#cell-cell [data-role="reset"]').click();
    expect(await text(page, `${W} [data-role="cNew"]`)).toBe(fmt(expected(DEFAULT_CELL).c));
    await page.waitForFunction(() => !location.search.includes('cell.'));
  });

  it('works from the keyboard alone, and every control has a name', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, W);
    const names = await w
      .locator('input, button')
      .evaluateAll((els) =>
        els.map(
          (e) => e.getAttribute('aria-label') || e.closest('label')?.textContent?.trim() || e.textContent?.trim(),
        ),
      );
    expect(names.length).toBe(4 + 16 + 1 + CELL_PRESETS.length);
    for (const n of names) expect(n).toBeTruthy();

    // Tab from the cell's share link to the forget gate's bias, then move it with keys only.
    await page.locator('#cell-cell [data-role="link"]').focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    let presses = 0;
    while ((await focused()) !== 'Forget gate: bias' && presses < 40) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focused()).toBe('Forget gate: bias');
    await page.keyboard.press('Home');
    expect(await w.locator('input[name="bf"]').inputValue()).toBe('-10');
    await page.keyboard.press('ArrowRight');
    const e = expected({ ...DEFAULT_CELL, bf: -9.9 });
    expect(await text(page, `${W} [data-role="f"]`)).toBe(fmt(e.f));
    expect(await text(page, `${W} [data-role="cNew"]`)).toBe(fmt(e.c));

    // Back to the presets with Shift+Tab and press one with Enter.
    while ((await page.evaluate(() => document.activeElement?.textContent)) !== 'A saturated gate' && presses < 80) {
      await page.keyboard.press('Shift+Tab');
      presses++;
    }
    await page.keyboard.press('Enter');
    expect(await w.locator('button[data-preset="saturated"]').getAttribute('aria-pressed')).toBe('true');

    // The hardSigmoid comparison toggles with Space and prints what tfjs's default would give.
    await w.locator('input[name="hard"]').focus();
    await page.keyboard.press('Space');
    const hard = hardSigmoidStep(CELL_PRESETS.find((p) => p.id === 'saturated')!.cell);
    expect(await text(page, `${W} [data-role="hard-cNew"]`)).toBe(fmt(hard.cNew));
    expect(await text(page, `${W} [data-role="hard-h"]`)).toBe(fmt(hard.h));
    // Three hollow hardSigmoid points join the four gates' points.
    expect(await w.locator('[data-role="plot"] svg g[aria-label="dot"] circle').count()).toBe(7);
  });

  it('fits a 390-pixel phone without sideways scrolling, and shows the typeset formulas', async () => {
    const page = await site.open(CHAPTER, { width: 390, height: 800 });
    const w = await widget(page, W);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Seven formulas typeset at build time sit beside their numbers.
    expect(await w.locator('.lstm-formula mjx-container svg').count()).toBe(7);
    const diagram = (await w.locator('[data-role="diagram"]').boundingBox())!;
    expect(diagram.width).toBeLessThanOrEqual(390);
    expect(await w.locator('[data-role="diagram"]').getAttribute('aria-label')).toContain(
      `C(t) = ${fmt(expected(DEFAULT_CELL).c)}`,
    );
  });

  it('explains a bad value in a shared link instead of breaking', async () => {
    const page = await site.open(`${CHAPTER}?cell.bf=banana&cell.x1=99`);
    await widget(page, W);
    expect(await page.locator('#cell-cell [data-role="error"]').textContent()).toMatch(
      /not valid.*x1: 99 is outside -2 to 2; bf: "banana" is not a number/,
    );
    expect(await text(page, `${W} [data-role="cNew"]`)).toBe(fmt(expected({ ...DEFAULT_CELL, x1: 2 }).c));
  });
});
