/** Chapter 3's interactive widgets, used as a reader would, for the latency benchmark (training is not timed). */
import { sweepSlider, type ChapterScenarios } from './types';

const THIRTY_WORDS =
  'the film opens and the first hour drags but the cast is strong the score is lovely and by the end ' +
  'i was moved far more than i had expected';

export const chapter: ChapterScenarios = {
  page: 'chapters/03-lstm-over-time/',
  scenarios: [
    {
      tag: 'kit-lstm-steps',
      what: 'arrow keys on the step slider, 30 words',
      run: async (page, events) => {
        await page.locator('kit-lstm-steps input[name="text"]').fill(THIRTY_WORDS);
        await sweepSlider(page, 'kit-lstm-steps input[name="step"]', events);
      },
    },
    {
      tag: 'kit-lstm-steps',
      what: 'arrow keys on the forget-bias slider, 30 words read',
      run: async (page, events) => {
        await page.locator('kit-lstm-steps input[name="text"]').fill(THIRTY_WORDS);
        await page.locator('kit-lstm-steps input[name="step"]').fill('30');
        await sweepSlider(page, 'kit-lstm-steps input[name="bias"]', events);
      },
    },
    {
      tag: 'kit-lstm-vanishing',
      what: 'arrow keys on the forget-bias slider, T = 100',
      run: async (page, events) => {
        await page.locator('kit-lstm-vanishing input[name="length"]').fill('100');
        await sweepSlider(page, 'kit-lstm-vanishing input[name="bias"]', events);
      },
    },
    {
      tag: 'kit-memory-task',
      what: 'arrow keys on the N slider, before training',
      run: (page, events) => sweepSlider(page, 'kit-memory-task input[name="distractors"]', events),
    },
    {
      tag: 'kit-memory-task',
      what: 'arrow keys on the N slider, after a short run (the run is not timed)',
      run: async (page, events) => {
        await page.locator('kit-memory-task input[name="distractors"]').fill('10');
        await page.locator('kit-memory-task input[name="steps"]').fill('100');
        await page.locator('kit-memory-task [data-role="train"]').click();
        await page.waitForSelector('kit-memory-task[data-status="done"]');
        await page.evaluate(() => performance.clearMeasures());
        await sweepSlider(page, 'kit-memory-task input[name="distractors"]', events);
      },
    },
  ],
};
