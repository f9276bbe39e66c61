/**
 * Back, Next, Play, a step slider and one button per word, for widgets that walk through a
 * sentence one word at a time (chapter 1's RNN and chapter 3's LSTM). The widget keeps the step
 * in its state; the stepper asks for changes through `onStep` and shows what `show` tells it.
 */
import { el, slider, textInput, type Slider } from './dom';
import { KIT_WORDS } from './kit.words';

/** Options of {@link stepper}. */
export interface StepperOptions {
  /** Called with the step to go to (from 1), and the input event when a reader caused it. */
  onStep(step: number, event?: Event): void;
  /** The most steps the slider ever offers. */
  max: number;
  /** Milliseconds between steps while playing. */
  interval?: number;
  /** The sentence as the widget's state holds it, for the text input above the words. */
  text: string;
  /** Called with the edited sentence (the widget goes back to step 1). */
  onText(text: string, event: Event): void;
}

/** The stepper's controls and what the widget calls on them. */
export interface Stepper {
  /** Back, Next, Play and the slider, to place in the widget's controls. */
  controls: HTMLElement[];
  /** The word buttons: choosing one goes to its step. */
  words: HTMLElement;
  /** The sentence's text input (up to 300 characters), and its labelled row of controls. */
  input: HTMLInputElement;
  sentence: HTMLElement;
  slider: Slider;
  /** Shows step `step` of the sentence `words`: buttons, the slider's range, what can be used. */
  show(step: number, words: readonly string[]): void;
  /** Stops playing, if it is. */
  stop(): void;
}

/** Builds a {@link Stepper}. */
export function stepper({ onStep, max, interval = 700, text, onText }: StepperOptions): Stepper {
  const w = KIT_WORDS.now();
  const input = textInput({ value: text, maxLength: 300, onInput: onText });
  const sentenceRow = el('div', { className: 'controls' }, el('label', { className: 'wide' }, w.sentence, input));
  const back = el('button', { type: 'button', 'aria-label': w.backLabel }, w.back);
  const next = el('button', { type: 'button', 'aria-label': w.nextLabel }, w.next);
  const play = el('button', { type: 'button', 'aria-label': w.playLabel }, w.play);
  const stepSlider = slider({ label: w.stepLabel, name: 'step', min: 1, max, step: 1, value: 1, onInput: onStep });
  const words = el('div', {
    className: 'tokens',
    role: 'group',
    'aria-label': w.wordsLabel,
  });
  // What `show` last displayed: playing and Back/Next continue from it.
  let shown = 1;
  let count = 0;
  let sentence = '';
  let timer: ReturnType<typeof setInterval> | undefined;

  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    play.textContent = w.play;
    play.setAttribute('aria-label', w.playLabel);
  };
  back.addEventListener('click', (e) => onStep(shown - 1, e));
  next.addEventListener('click', (e) => onStep(shown + 1, e));
  play.addEventListener('click', () => {
    if (timer) return stop();
    if (shown >= count) onStep(1);
    play.textContent = w.pause;
    play.setAttribute('aria-label', w.pause);
    timer = setInterval(() => {
      onStep(shown + 1);
      // Stop on the last word at once, so the button offers to play again.
      if (shown >= count) stop();
    }, interval);
  });

  return {
    controls: [back, next, play, stepSlider.root],
    words,
    input,
    sentence: sentenceRow,
    slider: stepSlider,
    show(step, list) {
      shown = step;
      count = list.length;
      if (count === 0) stop();
      // The word buttons are rebuilt only when the words change; a step only moves the highlight.
      const key = list.join(' ');
      if (key !== sentence) {
        sentence = key;
        words.replaceChildren(
          ...list.map((w, t) => {
            // The space keeps the accessible name readable: "plot t=2".
            const b = el('button', { type: 'button', className: 'token' }, w, el('small', {}, ` t=${t + 1}`));
            b.addEventListener('click', (e) => onStep(t + 1, e));
            return b;
          }),
        );
      }
      Array.from(words.children).forEach((b, t) => {
        b.classList.toggle('current', t === step - 1);
        if (t === step - 1) b.setAttribute('aria-current', 'step');
        else b.removeAttribute('aria-current');
      });
      stepSlider.input.max = String(Math.max(1, count));
      stepSlider.set(step);
      back.disabled = step <= 1;
      next.disabled = step >= count;
    },
    stop,
  };
}
