/** Chapter 1's widgets, used as a reader would, for the latency benchmark. */
import { sweepSlider, type ChapterScenarios } from './types';

export const chapter: ChapterScenarios = {
  page: 'chapters/01-sequences/',
  scenarios: [
    {
      tag: 'kit-one-hot',
      what: 'typing into the sentence',
      run: async (page, events) => {
        const input = page.locator('kit-one-hot input[name="text"]');
        await input.fill('');
        for (let k = 0; k < events; k++) {
          await input.press(k % 40 === 39 ? 'Backspace' : 'abcdefgh '[k % 9]!);
          if (k % 60 === 59) await input.fill('the cat sat on the mat');
        }
      },
    },
    {
      tag: 'kit-activations',
      what: 'arrow keys on the z slider',
      run: (page, events) => sweepSlider(page, 'kit-activations input[name="z"]', events),
    },
    {
      tag: 'kit-rnn-step',
      what: 'arrow keys on the W_h slider',
      run: (page, events) => sweepSlider(page, 'kit-rnn-step input[name="scale"]', events),
    },
    {
      tag: 'kit-vanishing',
      what: 'arrow keys on the W_h slider, T = 100',
      run: async (page, events) => {
        await page.locator('kit-vanishing input[name="length"]').fill('100');
        await sweepSlider(page, 'kit-vanishing input[name="scale"]', events);
      },
    },
  ],
};
