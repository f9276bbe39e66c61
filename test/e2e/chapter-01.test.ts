import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/lstm/cell/activations';
import { sentenceRnn, vanishingRun } from '../../src/lstm/cell/demos';
import { fmt, fmtSci } from '../../src/widgets/kit/format';
import { num, text, useSite, widget } from './harness';

const site = useSite();
const CHAPTER = 'chapters/01-sequences/';

describe('chapter 1: one-hot and integer encodings', () => {
  it('re-encodes the sentence as the reader types', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-one-hot');
    expect(await text(page, 'kit-one-hot [data-role="summary"]')).toMatch(/^6 words, 5 distinct/);
    const cellsBefore = await w.locator('svg [aria-label="cell"] rect, svg g[aria-label="cell"] rect').count();
    await w.locator('input[name="text"]').fill('a dog, a cat, a bird');
    expect(await text(page, 'kit-one-hot [data-role="summary"]')).toMatch(
      /^6 words, 4 distinct\. Integer encoding: 6 numbers\. One-hot .* 6 × 4 = 24 numbers/,
    );
    expect(await w.locator('.token small').allTextContents()).toEqual(['1', '2', '1', '3', '1', '4']);
    const cellsAfter = await w.locator('svg g[aria-label="cell"] rect').count();
    expect(cellsAfter).toBe(24);
    expect(cellsAfter).not.toBe(cellsBefore);
    await w.locator('input[name="vocabulary"]').fill('50000');
    expect(await text(page, 'kit-one-hot [data-role="summary"]')).toMatch(
      /vocabulary of 50,000 words: 300,000 numbers\.$/,
    );
    // A value the box cannot take is said, and the last good one stays.
    for (const bad of ['-5', '1e9']) {
      await w.locator('input[name="vocabulary"]').fill(bad);
      expect(await text(page, 'kit-one-hot [data-role="vocabulary-hint"]')).toBe(
        'Type a whole number from 1 to 1,000,000: the vocabulary stays 50,000 words until then.',
      );
      expect(await w.locator('input[name="vocabulary"]').getAttribute('aria-invalid')).toBe('true');
      expect(await text(page, 'kit-one-hot [data-role="summary"]')).toMatch(/vocabulary of 50,000 words/);
    }
    await w.locator('input[name="vocabulary"]').fill('20000');
    expect(await text(page, 'kit-one-hot [data-role="vocabulary-hint"]')).toBe('');
  });

  it('says what to do with an empty text, and survives a huge one', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-one-hot');
    await w.locator('input[name="text"]').fill('   ?!  ');
    expect(await w.locator('.plot').textContent()).toMatch(/Type a sentence/);
    await w.locator('input[name="text"]').fill('word '.repeat(200));
    // maxlength cuts the input at 400 characters: 80 words, one distinct.
    expect(await text(page, 'kit-one-hot [data-role="summary"]')).toMatch(/^80 words, 1 distinct/);
  });
});

describe('chapter 1: sigmoid and tanh', () => {
  it('moves the point with the keyboard and by dragging, and prints the right values', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-activations');
    const z = async () => num((await w.locator('output').textContent()) ?? '');
    expect(await z()).toBe(1);
    await w.locator('input[name="z"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await z()).toBeCloseTo(1.1, 10);
    expect(await text(page, 'kit-activations [data-role="sigmoid"]')).toBe(fmt(sigmoid(1.1)));
    expect(await text(page, 'kit-activations [data-role="tanh"]')).toBe(fmt(Math.tanh(1.1)));

    // Drag from the middle of the plot (z near 0) to the left.
    const box = (await w.locator('[data-role="plot"] svg').first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const dragged = await z();
    expect(dragged).toBeLessThan(-1);
    expect(await text(page, 'kit-activations [data-role="sigmoid"]')).toBe(fmt(sigmoid(dragged)));
    expect(await w.locator('[data-role="plot"] svg circle').count()).toBe(2);
  });

  it('keeps its state in the URL across a reload, and resets', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-activations');
    await w.locator('input[name="z"]').fill('-2.5');
    await page.locator('#cell-act input[name="slopes"]').check();
    await page.waitForFunction(
      () => location.search.includes('act.z=-2.5') && location.search.includes('act.slopes=1'),
    );
    const link = await page.locator('#cell-act [data-role="link"]').getAttribute('href');
    expect(link).toMatch(/act\.z=-2\.5.*#cell-act$/);
    await page.reload();
    const again = await widget(page, 'kit-activations');
    expect(num((await again.locator('output').textContent()) ?? '')).toBe(-2.5);
    expect(await again.locator('input[name="slopes"]').isChecked()).toBe(true);
    await page.locator('#cell-act [data-role="reset"]').click();
    expect(num((await again.locator('output').textContent()) ?? '')).toBe(1);
    await page.waitForFunction(() => !location.search.includes('act.'));
  });

  it('explains a bad value in a shared link instead of breaking', async () => {
    const page = await site.open(`${CHAPTER}?act.z=banana`);
    const w = await widget(page, 'kit-activations');
    expect(await page.locator('#cell-act [data-role="error"]').textContent()).toMatch(
      /not valid.*"banana" is not a number/,
    );
    expect(num((await w.locator('output').textContent()) ?? '')).toBe(1);
  });
});

describe('chapter 1: the RNN cell reading a sentence', () => {
  it('steps through the typed sentence with the numbers of the pure cell', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-rnn-step');
    await w.locator('input[name="text"]').fill('the cat sat');
    const next = w.getByRole('button', { name: 'Next word' });
    await next.click();
    await next.click();
    expect(await next.isDisabled()).toBe(true);
    const { steps } = sentenceRnn(['the', 'cat', 'sat'], 0.9);
    for (let u = 0; u < 4; u++) {
      expect(await text(page, `kit-rnn-step [data-role="h${u + 1}"]`)).toBe(fmt(steps[2].h[u]));
    }
    // Four lines (one per unit) with three points each.
    expect(
      await w
        .locator('[data-role="plot"] svg path[marker-start], [data-role="plot"] svg g[aria-label="line"] path')
        .count(),
    ).toBe(4);
    await w.getByRole('button', { name: 'Back one word' }).click();
    expect(await text(page, 'kit-rnn-step [data-role="h1"]')).toBe(fmt(steps[1].h[0]));
    // A bigger recurrent matrix changes the state at step 2.
    await w.locator('input[name="scale"]').fill('1.8');
    const stronger = sentenceRnn(['the', 'cat', 'sat'], 1.8).steps[1].h[0];
    expect(await text(page, 'kit-rnn-step [data-role="h1"]')).toBe(fmt(stronger));
  });

  it('plays the sentence to the end', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-rnn-step');
    await w.locator('input[name="text"]').fill('one two three');
    await w.getByRole('button', { name: 'Play the sentence' }).click();
    await w.getByRole('button', { name: 'Pause' }).waitFor();
    // Playing stops by itself on the last word and offers to play again.
    await w.getByRole('button', { name: 'Play the sentence' }).waitFor({ timeout: 5000 });
    expect(await w.locator('input[name="step"]').inputValue()).toBe('3');
    expect(await w.getByRole('button', { name: 'Next word' }).isDisabled()).toBe(true);
  });
});

describe('chapter 1: vanishing gradients', () => {
  it('recomputes the gradient norms when the recurrent weight scale changes', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-vanishing');
    const first = vanishingRun(1, 40).norms[0];
    expect(await text(page, 'kit-vanishing [data-role="readout"]')).toContain(`‖∂h_T/∂h_0‖ = ${fmtSci(first)}`);
    await w.locator('input[name="scale"]').fill('0.5');
    const small = vanishingRun(0.5, 40).norms[0];
    expect(small).toBeLessThan(1e-10);
    expect(await text(page, 'kit-vanishing [data-role="readout"]')).toContain(`‖∂h_T/∂h_0‖ = ${fmtSci(small)}`);
    await w.locator('input[name="length"]').fill('10');
    expect(await text(page, 'kit-vanishing [data-role="readout"]')).toContain(
      `‖∂h_T/∂h_0‖ = ${fmtSci(vanishingRun(0.5, 10).norms[0])}`,
    );
    expect(await w.locator('[data-role="plot"] svg g[aria-label="dot"] circle').count()).toBe(11);
  });

  it('agrees with tfjs autodiff on the threaded WASM backend when cross-origin isolated', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-vanishing');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await w.getByRole('button', { name: 'Check with tfjs autodiff' }).click();
    await page.waitForSelector('kit-vanishing [data-relative-error]', { timeout: 60_000 });
    expect(Number(await w.locator('[data-role="check"]').getAttribute('data-relative-error'))).toBeLessThan(1e-3);
    expect(await text(page, 'kit-vanishing [data-role="check"]')).toMatch(/^✓ agrees/);
    const threads = await page.evaluate(() => navigator.hardwareConcurrency);
    const label = await text(page, '#cell-vanish [data-role="backend"]');
    expect(label).toMatch(threads > 1 ? /^tfjs · WASM \(SIMD, \d+ threads\)$/ : /^tfjs · WASM \(SIMD, 1 thread\)$/);
  });

  it('falls back to single-threaded WASM on a host without isolation headers', async () => {
    const page = await site.open();
    await page.goto(`${await site.plainUrl()}${CHAPTER}?isolation=off`);
    const w = await widget(page, 'kit-vanishing');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await w.getByRole('button', { name: 'Check with tfjs autodiff' }).click();
    await page.waitForSelector('kit-vanishing [data-relative-error]', { timeout: 60_000 });
    expect(await text(page, '#cell-vanish [data-role="backend"]')).toBe('tfjs · WASM (SIMD, 1 thread)');
  });
});
