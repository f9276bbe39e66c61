/**
 * Back, Next, Play and a step slider, for widgets that walk through a sequence one step at a
 * time (chapter 1's RNN and chapter 3's LSTM). The widget keeps the step in its state; the
 * stepper only asks for changes through `onStep` and shows what `show` tells it.
 */
import { el, slider, type Slider } from './dom';

/** Options of {@link stepper}. */
export interface StepperOptions {
  /** Called with the step to go to (from 1), and the input event when a reader caused it. */
  onStep(step: number, event?: Event): void;
  /** The step shown now. */
  current(): number;
  /** How many steps there are now. */
  length(): number;
  /** The most steps the slider ever offers. */
  max: number;
  /** Milliseconds between steps while playing. */
  interval?: number;
}

/** The stepper's controls and what the widget calls on them. */
export interface Stepper {
  /** Back, Next, Play and the slider, to place in the widget's controls. */
  controls: HTMLElement[];
  slider: Slider;
  /** Shows step `step` of `length`: the slider's range and which buttons can be used. */
  show(step: number, length: number): void;
  /** Stops playing, if it is. */
  stop(): void;
}

/** Builds a {@link Stepper}. */
export function stepper({ onStep, current, length, max, interval = 700 }: StepperOptions): Stepper {
  const back = el('button', { type: 'button', 'aria-label': 'Back one word' }, '◀ Back');
  const next = el('button', { type: 'button', 'aria-label': 'Next word' }, 'Next ▶');
  const play = el('button', { type: 'button', 'aria-label': 'Play the sentence' }, 'Play');
  const stepSlider = slider({ label: 'Step t', name: 'step', min: 1, max, step: 1, value: 1, onInput: onStep });
  let timer: ReturnType<typeof setInterval> | undefined;

  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    play.textContent = 'Play';
    play.setAttribute('aria-label', 'Play the sentence');
  };
  back.addEventListener('click', (e) => onStep(current() - 1, e));
  next.addEventListener('click', (e) => onStep(current() + 1, e));
  play.addEventListener('click', () => {
    if (timer) return stop();
    if (current() >= length()) onStep(1);
    play.textContent = 'Pause';
    play.setAttribute('aria-label', 'Pause');
    timer = setInterval(() => {
      onStep(current() + 1);
      // Stop on the last word at once, so the button offers to play again.
      if (current() >= length()) stop();
    }, interval);
  });

  return {
    controls: [back, next, play, stepSlider.root],
    slider: stepSlider,
    show(step, count) {
      stepSlider.input.max = String(Math.max(1, count));
      stepSlider.set(step);
      back.disabled = step <= 1;
      next.disabled = step >= count;
      if (count === 0) stop();
    },
    stop,
  };
}
