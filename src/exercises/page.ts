/**
 * The exercises on a page, in the browser: predictions take a guess and show how far off it
 * was, challenges follow their widget's state and mark themselves solved, progress lines count
 * what is done. Everything is kept in this browser (progress.ts); the checks load only on pages
 * with a challenge.
 */
import { KIT_STATE_EVENT, stateOfWidget, type KitStateDetail } from '../widgets/kit/state-event';
import { loadProgress, onProgress, saveProgress, withAnswer, withSolved, countDone, progressText } from './progress';
import { parseGuess, scoreGuess, type Answer } from './score';
import type { CheckResult, ModelReader, ReviewReading, WidgetState } from './checks';
import { EXERCISE_WORDS } from './exercises.words';

let started = false;

/** Wires every prediction, challenge, progress line and reset button on the page, once. */
export function startExercises(): void {
  if (started) return;
  started = true;
  for (const el of document.querySelectorAll<HTMLElement>('[data-prediction]')) wirePrediction(el);
  const challenges = [...document.querySelectorAll<HTMLElement>('[data-challenge]')];
  for (const el of challenges) drawSolved(el);
  if (challenges.length > 0)
    void import('./checks').then(
      ({ CHECKS, REVIEW_CHECKS, MODEL_CHECKS }) =>
        challenges.forEach((el) => {
          const id = el.dataset.challenge ?? '';
          const cell = el.dataset.forCell ?? '';
          if (el.dataset.reads === 'review') wireChallenge(el, REVIEW_CHECKS[id], followReview);
          else if (el.dataset.reads === 'model') {
            const check = MODEL_CHECKS[id];
            wireChallenge(el, check && ((i: WithModel) => check(i.state, i.model)), followWithModel(cell));
          } else wireChallenge(el, CHECKS[id], followWidget(cell));
        }),
      (e: Error) => console.error(`The exercises' checks failed to load: ${e.message}`),
    );
  for (const el of document.querySelectorAll<HTMLElement>('[data-progress]')) drawProgressLine(el);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-role="reset-progress"]')) wireReset(button);
  onProgress(() => {
    for (const el of challenges) drawSolved(el);
    for (const el of document.querySelectorAll<HTMLElement>('[data-prediction]')) drawPrediction(el);
    for (const el of document.querySelectorAll<HTMLElement>('[data-progress]')) drawProgressLine(el);
  });
}

/** Says on the page that storage refused the progress (it still counts on this page). */
function storageNote(el: HTMLElement, error: string | null): void {
  const note = el.querySelector<HTMLElement>('[data-role="storage"]');
  if (!note) return;
  note.textContent = error ? EXERCISE_WORDS.now().storageRefused(error) : '';
  note.hidden = !error;
}

function wirePrediction(el: HTMLElement): void {
  const form = el.querySelector<HTMLFormElement>('form');
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = el.dataset.prediction!;
    const answer = JSON.parse(el.dataset.answer!) as Answer;
    const feedback = el.querySelector<HTMLElement>('[data-role="feedback"]')!;
    let guess: number | string | null;
    if (answer.kind === 'choice') guess = form.querySelector<HTMLInputElement>('input:checked')?.value ?? null;
    else guess = parseGuess(form.querySelector<HTMLInputElement>('input')!.value);
    if (guess === null) {
      const w = EXERCISE_WORDS.now();
      feedback.textContent = answer.kind === 'choice' ? w.pickOne : w.typeNumber;
      return;
    }
    storageNote(el, saveProgress(withAnswer(loadProgress(), id, guess)));
  });
  drawPrediction(el);
}

/** Shows the stored guess of a prediction, its score and the explanation; or nothing before a guess. */
function drawPrediction(el: HTMLElement): void {
  const id = el.dataset.prediction!;
  const answer = JSON.parse(el.dataset.answer!) as Answer;
  const guess = loadProgress().answered[id];
  const feedback = el.querySelector<HTMLElement>('[data-role="feedback"]')!;
  const explanation = el.querySelector<HTMLElement>('[data-role="explanation"]')!;
  el.dataset.answered = String(guess !== undefined);
  explanation.hidden = guess === undefined;
  if (guess === undefined) {
    feedback.textContent = '';
    delete feedback.dataset.verdict;
    return;
  }
  const score = scoreGuess(answer, guess);
  feedback.textContent = score.message;
  feedback.dataset.verdict = score.verdict;
  if (answer.kind === 'choice') {
    const radio = el.querySelector<HTMLInputElement>(`input[value="${CSS.escape(String(guess))}"]`);
    if (radio) radio.checked = true;
  } else {
    const input = el.querySelector<HTMLInputElement>('input')!;
    if (parseGuess(input.value) !== guess) input.value = String(guess).replace('-', '−');
  }
}

function drawSolved(el: HTMLElement): void {
  const solved = loadProgress().solved.includes(el.dataset.challenge!);
  el.dataset.solved = String(solved);
  el.querySelector<HTMLElement>('[data-role="done"]')!.hidden = !solved;
}

/** Calls `follow` with a widget's state now (if it has started) and after every change of it. */
function followWidget(cell: string): (follow: (state: WidgetState) => void) => void {
  return (follow) => {
    document.addEventListener(KIT_STATE_EVENT, (event) => {
      const detail = (event as CustomEvent<KitStateDetail>).detail;
      if (detail.cell === cell) follow(detail.state);
    });
    const state = stateOfWidget(document.querySelector(`[data-cell="${CSS.escape(cell)}"] .cell-body > *`));
    if (state) follow(state);
  };
}

/** Calls `follow` with what chapter 6's review cell has read with the trained model, now and after every new reading. */
function followReview(follow: (reading: ReviewReading) => void): void {
  void import('../widgets/kit/trained').then(({ currentReview, onReview }) => {
    const send = () => {
      const review = currentReview();
      if (review) follow({ tokens: review.steps.tokens, p: review.trace.p });
    };
    onReview(send);
    send();
  });
}

/** A widget's state and the trained model, for the checks that read with it. */
interface WithModel {
  state: WidgetState;
  model: ModelReader;
}

/**
 * Calls `follow` with a widget's state and the page's trained model whenever either changes and
 * both are there. The model is asked for only once the widget has started (which loads it anyway).
 */
function followWithModel(cell: string): (follow: (input: WithModel) => void) => void {
  return (follow) => {
    let state: WidgetState | null = null;
    let model: ModelReader | null = null;
    let watching = false;
    const send = () => {
      if (state && model) follow({ state, model });
    };
    followWidget(cell)((next) => {
      state = next;
      send();
      if (watching) return;
      watching = true;
      void import('../widgets/kit/trained').then(({ watchClassifier }) =>
        watchClassifier((status) => {
          model = status.kind === 'ready' ? status.classifier : null;
          send();
        }),
      );
    });
  };
}

function wireChallenge<T>(
  el: HTMLElement,
  check: ((input: T) => CheckResult) | undefined,
  subscribe: (follow: (input: T) => void) => void,
): void {
  const id = el.dataset.challenge!;
  const now = el.querySelector<HTMLElement>('[data-role="now"]')!;
  const announce = el.querySelector<HTMLElement>('[data-role="announce"]')!;
  if (!check) {
    now.textContent = EXERCISE_WORDS.now().cannotCheck;
    console.error(`No check for the challenge "${id}"`);
    return;
  }
  let pending: { input: T } | null = null;
  // A slider sends many changes per frame; checking once per frame keeps the widget quick.
  const run = () => {
    const next = pending;
    pending = null;
    if (!next) return;
    const result = check(next.input);
    now.textContent = result.now;
    el.dataset.met = String(result.met);
    if (result.met && !loadProgress().solved.includes(id)) {
      announce.textContent = EXERCISE_WORDS.now().solvedNow;
      storageNote(el, saveProgress(withSolved(loadProgress(), id)));
    }
  };
  subscribe((input) => {
    if (pending === null) requestAnimationFrame(run);
    pending = { input };
  });
}

function drawProgressLine(el: HTMLElement): void {
  const split = (s: string | undefined) => (s ?? '').split(' ').filter(Boolean);
  const challenges = split(el.dataset.challenges);
  const predictions = split(el.dataset.predictions);
  const done = countDone(loadProgress(), { challenges, predictions });
  el.textContent = progressText(done, { challenges: challenges.length, predictions: predictions.length });
  el.dataset.solved = String(done.solved);
  el.dataset.answered = String(done.answered);
}

function wireReset(button: HTMLButtonElement): void {
  const status = document.querySelector<HTMLElement>('[data-role="reset-status"]');
  button.disabled = false;
  button.addEventListener('click', () => {
    const error = saveProgress(null);
    const w = EXERCISE_WORDS.now();
    if (status) status.textContent = error ? w.resetRefused(error) : w.resetDone;
  });
}
