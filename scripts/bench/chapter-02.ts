/** Chapter 2's widget, used as a reader would, for the latency benchmark. */
import { sweepSlider, type ChapterScenarios } from './types';

export const chapter: ChapterScenarios = {
  page: 'chapters/02-lstm-cell/',
  scenarios: [
    {
      tag: 'kit-lstm-cell',
      what: 'arrow keys on the forget gate bias',
      run: (page, events) => sweepSlider(page, 'kit-lstm-cell input[name="bf"]', events),
    },
    {
      tag: 'kit-lstm-cell',
      what: 'arrow keys on x₁, hardSigmoid shown',
      run: async (page, events) => {
        await page.locator('kit-lstm-cell input[name="hard"]').check();
        await sweepSlider(page, 'kit-lstm-cell input[name="x1"]', events);
      },
    },
    {
      tag: 'kit-lstm-cell',
      what: 'clicking the presets in turn',
      run: async (page, events) => {
        const buttons = page.locator('kit-lstm-cell button[data-preset]');
        const n = await buttons.count();
        for (let k = 0; k < events; k++) await buttons.nth(k % n).click();
      },
    },
  ],
};
