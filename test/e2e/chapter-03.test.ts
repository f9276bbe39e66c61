import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gradientReach, sentenceLstm } from '../../src/lstm/cell/demos-over-time';
import { MEMORY_DEFAULTS, trainMemoryPair, type MemoryExperimentResult } from '../../src/lstm/memory/experiment';
import { fmt, fmtSci } from '../../src/widgets/kit/format';
import { text, useSite, widget } from './harness';

const site = useSite();
const CHAPTER = 'chapters/03-lstm-over-time/';

/** The numbers in the titles of a heat map's cells, in document order. */
async function cellTitles(w: Locator, role: string): Promise<string[]> {
  return w.locator(`[data-role="${role}"] svg g[aria-label="cell"] rect title`).allTextContents();
}

/** What the keyboard reaches from `start` with Tab, until focus leaves the widget. */
async function tabOrder(page: Page, tag: string, start: Locator): Promise<string[]> {
  await start.focus();
  const seen: string[] = [];
  for (let k = 0; k < 60; k++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate((t) => {
      const a = document.activeElement as HTMLElement | null;
      if (!a || !a.closest(t)) return null;
      const labelled = (a as HTMLInputElement).labels?.[0]?.textContent ?? '';
      return `${a.localName}|${a.getAttribute('aria-label') ?? ''}|${a.getAttribute('name') ?? ''}|${labelled || a.textContent}`;
    }, tag);
    if (here === null) break;
    seen.push(here);
  }
  return seen;
}

describe('chapter 3: an LSTM reading a sentence', () => {
  it('plays a sentence and fills the heat maps with the numbers of the pure LSTM', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-lstm-steps');
    const words = ['one', 'two', 'three', 'four'];
    await w.locator('input[name="text"]').fill(words.join(' '));
    // Typing restarts at the first word: one column of 6 units per quantity.
    expect(await cellTitles(w, 'gates')).toHaveLength(3 * 6);
    expect(await cellTitles(w, 'states')).toHaveLength(2 * 6);
    await w.getByRole('button', { name: 'Play the sentence' }).click();
    await w.getByRole('button', { name: 'Pause' }).waitFor();
    await w.getByRole('button', { name: 'Play the sentence' }).waitFor({ timeout: 10_000 });
    expect(await w.locator('input[name="step"]').inputValue()).toBe('4');

    const { run } = sentenceLstm(words, 1);
    const gates = await cellTitles(w, 'gates');
    const states = await cellTitles(w, 'states');
    expect(gates).toHaveLength(3 * 6 * 4);
    expect(states).toHaveLength(2 * 6 * 4);
    // Cells run quantity by quantity, step by step, unit by unit; each title ends in its value.
    const expected = (qs: ('i' | 'f' | 'o' | 'c' | 'h')[]) =>
      qs.flatMap((q) => run.steps.flatMap((s) => Array.from(s[q], (v) => fmt(v))));
    expect(gates.map((t) => t.split(': ').at(-1))).toEqual(expected(['i', 'f', 'o']));
    expect(states.map((t) => t.split(': ').at(-1))).toEqual(expected(['c', 'h']));
    expect(gates[6 * 4]).toMatch(/^fₜ, forget gate, unit 1, t = 1 \(“one”\): /);
    for (let u = 0; u < 6; u++) {
      expect(await text(page, `kit-lstm-steps [data-role="f${u + 1}"]`)).toBe(fmt(run.steps[3].f[u]));
      expect(await text(page, `kit-lstm-steps [data-role="c${u + 1}"]`)).toBe(fmt(run.steps[3].c[u]));
    }
    // Three chosen units by default: three lines of four points.
    expect(await w.locator('[data-role="lines"] svg g[aria-label="line"] path').count()).toBe(3);

    // A new forget bias recolours every cell with the new numbers; the outline marks the step read.
    await w.locator('input[name="bias"]').fill('3.5');
    const open = sentenceLstm(words, 3.5).run;
    expect((await cellTitles(w, 'gates')).map((t) => t.split(': ').at(-1))).toEqual(
      ['i', 'f', 'o'].flatMap((q) => open.steps.flatMap((s) => Array.from(s[q as 'i'], (v) => fmt(v)))),
    );
    expect(open.steps[3].f[0]).toBeGreaterThan(run.steps[3].f[0]);
    await w.getByRole('button', { name: 'two t=2' }).click();
    expect(await cellTitles(w, 'states')).toHaveLength(2 * 6 * 2);
    const outline = w.locator('[data-role="gates"] svg g.kit-current-step rect').first();
    const cell = w.locator('[data-role="gates"] svg g[aria-label="cell"] rect').nth(6);
    const [a, b] = [(await outline.boundingBox())!, (await cell.boundingBox())!];
    expect(Math.abs(a.x + a.width / 2 - (b.x + b.width / 2))).toBeLessThan(1);
  });

  it('is operated from the keyboard, every control with a name', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-lstm-steps');
    await w.locator('input[name="text"]').fill('a b c d e');
    const reached = await tabOrder(page, 'kit-lstm-steps', w.locator('input[name="text"]'));
    const names = reached.join('\n');
    for (const wanted of [
      'a t=1',
      'e t=5',
      'Next word',
      'Play the sentence',
      'input||step|Step t',
      'input||bias|Forget-gate bias b_f',
      'select||quantity|Plot',
      'input||unit1|',
      'input||unit6|',
    ])
      expect(names).toContain(wanted);
    // Back is disabled at the first word, so Tab skips it; every stop has a name.
    expect(names).not.toContain('Back one word');
    for (const r of reached) expect(r.split('|').slice(1).join('').trim()).not.toBe('');

    await w.getByRole('button', { name: 'Next word' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    expect(await w.locator('input[name="step"]').inputValue()).toBe('3');
    await w.getByRole('slider', { name: 'Step t' }).focus();
    await page.keyboard.press('End');
    expect(await w.locator('input[name="step"]').inputValue()).toBe('5');
    expect(await w.getByRole('button', { name: 'Next word' }).isDisabled()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await w.locator('input[name="step"]').inputValue()).toBe('3');
    expect(await cellTitles(w, 'gates')).toHaveLength(3 * 6 * 3);
    await page.keyboard.press('Home');
    expect(await cellTitles(w, 'states')).toHaveLength(2 * 6);
    // A word button goes straight to its step.
    await w.getByRole('button', { name: 'd t=4' }).focus();
    await page.keyboard.press('Enter');
    expect(await w.locator('input[name="step"]').inputValue()).toBe('4');
    // The checkboxes choose the plotted units.
    await w.locator('input[name="unit1"]').focus();
    await page.keyboard.press('Space');
    expect(await w.locator('[data-role="lines"] svg g[aria-label="line"] path').count()).toBe(2);
  });
});

describe('chapter 3: the memory task', () => {
  const N = 30;
  const STEPS = 200;
  let reference: MemoryExperimentResult | undefined;
  const expectedRun = () => {
    if (!reference) {
      const gen = trainMemoryPair({ ...MEMORY_DEFAULTS, distractors: N, steps: STEPS });
      for (let next = gen.next(); ; next = gen.next()) {
        if (next.done) {
          reference = next.value;
          break;
        }
      }
    }
    return reference;
  };

  it('trains both networks in a worker: the LSTM beats the RNN, with the numbers of the pure code', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-memory-task');
    await w.locator('input[name="distractors"]').fill(String(N));
    await w.locator('input[name="steps"]').fill(String(STEPS));
    const started = Date.now();
    await w.getByRole('button', { name: `Train both at N = ${N}` }).click();
    expect(await w.getByRole('button', { name: 'Stop' }).isEnabled()).toBe(true);
    await page.waitForSelector('kit-memory-task[data-status="done"]', { timeout: 45_000 });
    const seconds = (Date.now() - started) / 1000;
    const last = w.locator('[data-role="last"]');
    const rnn = Number(await last.getAttribute('data-rnn-accuracy'));
    const lstm = Number(await last.getAttribute('data-lstm-accuracy'));
    expect(lstm).toBeGreaterThan(0.95);
    expect(rnn).toBeLessThan(0.6);
    const ref = expectedRun();
    expect(lstm).toBe(ref.lstm.accuracy);
    expect(rnn).toBe(ref.rnn.accuracy);
    expect(Number(await last.getAttribute('data-steps'))).toBe(STEPS);
    expect(seconds).toBeLessThan(45);
    // The curves were drawn, the accuracy-against-N plot has this run, and the inside view is up.
    expect(await w.locator('[data-role="loss"] svg g[aria-label="line"] path').count()).toBe(2);
    expect(await w.locator('[data-role="by-n"] svg g[aria-label="dot"] circle').count()).toBe(2);
    expect(await w.locator('[data-role="forget"] svg g[aria-label="cell"] rect title').count()).toBe(8 * (N + 1));
    const forget = Number(await w.locator('[data-role="inside"]').getAttribute('data-forget'));
    expect(forget).toBeGreaterThan(0.5);
    expect(forget).toBeLessThan(1);
    expect(await text(page, 'kit-memory-task [data-role="status"]')).toBe(`Done: N = ${N}.`);
    expect(await w.locator('progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(1);
  });

  it('stops a sweep at once from the keyboard, and trains again afterwards', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-memory-task');
    await w.getByRole('button', { name: /^Sweep N = / }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      /Training at N = 5 \(1 of 6\)|Training at N = 10/.test(
        document.querySelector('kit-memory-task [data-role="status"]')?.textContent ?? '',
      ),
    );
    // Starting moved focus to Stop, so Enter stops the sweep.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stop');
    const asked = Date.now();
    await page.keyboard.press('Enter');
    await page.waitForSelector('kit-memory-task[data-status="stopped"]', { timeout: 5_000 });
    expect(Date.now() - asked).toBeLessThan(3_000);
    expect(await text(page, 'kit-memory-task [data-role="status"]')).toMatch(/^Stopped/);
    expect(await w.locator('progress').evaluate((p) => (p as HTMLProgressElement).value)).toBeLessThan(1);
    // Focus moved on to Train, which works again.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Train both at N = 40$/);
    expect(await w.getByRole('button', { name: 'Stop' }).isDisabled()).toBe(true);
    await w.locator('input[name="distractors"]').fill('3');
    await w.locator('input[name="steps"]').fill('100');
    await w.getByRole('button', { name: 'Train both at N = 3' }).click();
    await page.waitForSelector('kit-memory-task[data-status="done"]', { timeout: 30_000 });
    expect(Number(await w.locator('[data-role="last"]').getAttribute('data-distractors'))).toBe(3);
  });
});

describe('chapter 3: how far back the gradient reaches', () => {
  it('prints the gradients of both backward passes and redraws on input', async () => {
    const page = await site.open(CHAPTER);
    const w = await widget(page, 'kit-lstm-vanishing');
    const first = gradientReach({ length: 60, rnnScale: 1, forgetBias: 1 });
    const readout = () => text(page, 'kit-lstm-vanishing [data-role="readout"]');
    expect(await readout()).toContain(`RNN ${fmtSci(first.rnnH[0])}, LSTM cell state ${fmtSci(first.lstmC[0])}`);
    await w.getByRole('slider', { name: /forget-gate bias/ }).fill('4');
    const open = gradientReach({ length: 60, rnnScale: 1, forgetBias: 4 });
    expect(await readout()).toContain(`LSTM cell state ${fmtSci(open.lstmC[0])}`);
    expect(open.lstmC[0]).toBeGreaterThan(1e3 * first.lstmC[0]);
    await w.getByRole('slider', { name: 'Sequence length T' }).focus();
    await page.keyboard.press('Home');
    const short = gradientReach({ length: 5, rnnScale: 1, forgetBias: 4 });
    expect(await readout()).toContain(`from the loss at T = 5: RNN ${fmtSci(short.rnnH[0])}`);
    expect(await w.locator('[data-role="plot"] svg g[aria-label="line"] path').count()).toBe(3);
  });
});
