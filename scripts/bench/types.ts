/** A way of using one widget that the latency benchmark repeats (see scripts/bench-widgets.ts). */
import type { Page } from 'playwright-core';

export interface Scenario {
  /** The widget's tag, e.g. 'kit-activations'. */
  tag: string;
  /** What the reader does, for the report. */
  what: string;
  /** Sends about `events` input events to the widget, which is in view and started. */
  run(page: Page, events: number): Promise<void>;
}

/** The scenarios of one chapter page. */
export interface ChapterScenarios {
  /** The page, relative to the site root, e.g. 'chapters/01-sequences/'. */
  page: string;
  scenarios: Scenario[];
}

/** Presses arrow keys on a focused slider `count` times, turning at the ends so every press changes it. */
export async function sweepSlider(page: Page, selector: string, count: number): Promise<void> {
  await page.locator(selector).focus();
  for (let k = 0; k < count; k++) await page.keyboard.press(Math.floor(k / 20) % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
}
