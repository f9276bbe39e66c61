/**
 * The base of every widget: a custom element whose state is a typed schema kept in the URL,
 * wired to the reset button, share link, error line and backend badge of its cell.
 *
 * A widget implements `build()` (create its controls once) and `update()` (redraw from
 * `this.state`); it calls `this.set(patch, event)` from its event handlers. Maths stays in
 * src/lstm, src/embedding and src/data: a widget only calls pure functions and draws.
 */
import { slider, type Slider } from './dom';
import { KIT_STATE_EVENT, type KitStateDetail } from './state-event';
import { KIT_WORDS } from './kit.words';
import { defaults, patchState, readState, writeState, type Schema, type StateOf } from './state';

// Browsers throttle history.replaceState when it is called on every slider move.
const URL_WRITE_DELAY_MS = 250;

export abstract class KitWidget<S extends Schema> extends HTMLElement {
  /** The fields of this widget's state, with their defaults and limits. */
  protected abstract readonly schema: S;
  /** The current state; change it with `set`. */
  protected state!: StateOf<S>;
  /** The enclosing cell, if any. */
  protected cell: HTMLElement | null = null;
  /** The prefix of this widget's parameters in the URL. */
  protected key = '';
  /**
   * Build-time content the chapter put inside the element, by key: `<div data-eq="f">` holding a
   * typeset formula is kept here (the element is emptied before `build()`), for the widget to
   * place beside its live numbers. Without JavaScript the reader still sees it in place.
   */
  protected readonly authored = new Map<string, Element>();
  private started = false;
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  private lastWidth = 0;

  /** Creates the widget's controls and containers, once. */
  protected abstract build(): void;
  /** Redraws everything from `this.state`. */
  protected abstract update(): void;
  /** What computes this widget, shown in its cell until a widget reports a tfjs backend. */
  protected engine = KIT_WORDS.now().plainTypeScript;
  /** Called after a reset to defaults, for widgets that hold more than their state (e.g. a trained model). */
  protected onReset(): void {}
  private owned: { stop(): void }[] = [];

  /** Registers something that runs on its own (a player, a timer) to stop on reset and on removal. */
  protected own<T extends { stop(): void }>(thing: T): T {
    this.owned.push(thing);
    return thing;
  }

  private listeners: (() => void)[] = [];

  /**
   * Registers the end of something that lasts as long as the element, such as a subscription to
   * the page's data or trained model: called on removal only, since a reset keeps listening.
   */
  protected listen(stop: () => void): void {
    this.listeners.push(stop);
  }

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    this.cell = this.closest<HTMLElement>('[data-cell]');
    this.key = this.cell?.dataset.cell ?? (this.id || this.localName);
    const { state, errors } = readState(this.schema, new URLSearchParams(location.search), this.key, KIT_WORDS.now());
    this.state = state;
    for (const child of this.querySelectorAll(':scope > [data-eq]'))
      this.authored.set(child.getAttribute('data-eq')!, child);
    this.lastWidth = this.clientWidth; // one layout read, before anything changes
    this.replaceChildren();
    try {
      this.build();
      this.update();
    } catch (e) {
      this.showError(KIT_WORDS.now().couldNotStart((e as Error).message));
      return;
    }
    if (errors.length > 0) this.showError(KIT_WORDS.now().badLink(errors.join(KIT_WORDS.now().listSeparator)));
    this.wireCell();
    this.showBackend(this.engine);
    this.observeWidth();
    this.dataset.ready = 'true';
    this.publish();
  }

  disconnectedCallback(): void {
    clearTimeout(this.urlTimer);
    for (const thing of this.owned) thing.stop();
    for (const stop of this.listeners.splice(0)) stop();
  }

  /** The current state, for whatever follows this widget from outside (a challenge beside it); read only. */
  get kitState(): Readonly<StateOf<S>> {
    return this.state;
  }

  /**
   * Tells the page the state has changed: a `kit-state` event that bubbles from the element,
   * with the cell's id and a copy of the state. Exercises listen for it; the widget knows
   * nothing of them.
   */
  private publish(): void {
    const detail: KitStateDetail = { cell: this.key, state: { ...this.state } };
    this.dispatchEvent(new CustomEvent(KIT_STATE_EVENT, { bubbles: true, detail }));
  }

  /** Changes the state, redraws, and records how long the redraw took after the input event. */
  protected set(patch: Partial<StateOf<S>>, event?: Event): void {
    this.state = patchState(this.schema, this.state, patch);
    this.scheduleUrlWrite();
    this.showError('');
    try {
      this.update();
    } catch (e) {
      this.showError((e as Error).message);
    }
    this.publish();
    if (event) {
      // event.timeStamp shares performance.now()'s clock: this is input-to-redrawn latency.
      performance.measure(`kit-update ${this.localName}`, { start: event.timeStamp, end: performance.now() });
    }
  }

  /**
   * A slider for a number field of the state, with the field's limits and step: moving it sets
   * the field. `format` prints the value beside it.
   */
  protected sliderFor(key: keyof S & string, label: string, format?: (x: number) => string): Slider {
    const field = this.schema[key];
    if (field.kind !== 'number' && field.kind !== 'integer') throw new Error(`${key} is not a number field`);
    return slider({
      label,
      name: key,
      min: field.min,
      max: field.max,
      step: field.kind === 'integer' ? 1 : (field.step ?? 0.01),
      value: this.state[key] as number,
      format,
      onInput: (value, event) => this.set({ [key]: value } as Partial<StateOf<S>>, event),
    });
  }

  /** Shows a message in the cell's error line; an empty message hides it. */
  protected showError(message: string): void {
    const line = this.cell?.querySelector<HTMLElement>('[data-role="error"]');
    if (!line) {
      if (message) console.warn(message);
      return;
    }
    line.textContent = message;
    line.hidden = message === '';
  }

  /**
   * Shows which engine computes this widget, e.g. "tfjs · WASM (SIMD, 2 threads)". When the label
   * is the page's tfjs WASM backend (tf.ts), a note beside it says how the page got its threads
   * or why it has none, e.g. "(isolated by a service worker)"; a worker's threaded WASM passes
   * its own `isolation` note.
   */
  protected showBackend(label: string, title = '', isolationOfWorker?: string): void {
    const badge = this.cell?.querySelector<HTMLElement>('[data-role="backend"]');
    if (!badge) return;
    badge.textContent = label;
    badge.title = title;
    const tf = (globalThis as { kitBackend?: { label: string; isolation: string } }).kitBackend;
    const isolation = isolationOfWorker ?? (tf?.label === label ? tf.isolation : '');
    let note = badge.parentElement?.querySelector<HTMLElement>('[data-role="isolation"]');
    if (!note && isolation) {
      note = document.createElement('span');
      note.className = 'cell-backend';
      note.dataset.role = 'isolation';
      badge.after(note);
    }
    if (note) {
      note.textContent = isolation ? `(${isolation})` : '';
      note.hidden = !isolation;
    }
  }

  /**
   * Width available to plots, in CSS pixels. It comes from the ResizeObserver, so reading it in
   * `update()` never forces a layout of the DOM the update has just changed.
   */
  protected plotWidth(): number {
    return Math.max(280, Math.floor(this.lastWidth || this.cell?.clientWidth || 640));
  }

  private stateUrl(): string {
    const params = writeState(this.schema, this.state, new URLSearchParams(location.search), this.key);
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}#cell-${this.key}`;
  }

  private scheduleUrlWrite(): void {
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => {
      const url = this.stateUrl();
      history.replaceState(history.state, '', url.replace(/#.*$/, '') + location.hash);
      const link = this.cell?.querySelector<HTMLAnchorElement>('[data-role="link"]');
      if (link) link.href = url;
    }, URL_WRITE_DELAY_MS);
  }

  private wireCell(): void {
    const reset = this.cell?.querySelector<HTMLButtonElement>('[data-role="reset"]');
    if (reset) {
      reset.disabled = false;
      reset.addEventListener('click', (event) => {
        for (const thing of this.owned) thing.stop();
        this.onReset();
        this.set(defaults(this.schema), event);
      });
    }
    const link = this.cell?.querySelector<HTMLAnchorElement>('[data-role="link"]');
    if (link) {
      link.href = this.stateUrl();
      link.addEventListener('click', () => {
        // The link also works as a plain link; copying it is a convenience where allowed.
        navigator.clipboard?.writeText(new URL(link.href, location.href).href).then(
          () => (link.title = KIT_WORDS.now().linkCopied),
          () => undefined,
        );
      });
    }
  }

  private observeWidth(): void {
    new ResizeObserver(([entry]) => {
      const width = entry.contentRect.width;
      if (Math.abs(width - this.lastWidth) < 8) return;
      this.lastWidth = width;
      this.update();
    }).observe(this);
  }
}

/** Registers a widget class under its tag once, even if its module is imported twice. */
export function defineWidget(tag: `kit-${string}`, widget: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, widget);
}
