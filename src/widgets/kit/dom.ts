/** Small DOM builders for widget controls, so every slider and button is labelled the same way. */

type Props = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/** Creates an element: `el('button', { type: 'button', onclick: f }, 'Run')`. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') node.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'className') node.className = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  node.append(...children);
  return node;
}

/** A labelled range input with its current value printed beside it. */
export interface Slider {
  /** The `<label>` holding text, input and value. */
  root: HTMLLabelElement;
  input: HTMLInputElement;
  output: HTMLOutputElement;
  /** Sets the slider and printed value without firing an input event. */
  set(value: number): void;
}

/** Builds a {@link Slider}; `format` prints the value, `onInput` gets every change. */
export function slider(options: {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  name: string;
  format?: (x: number) => string;
  onInput: (value: number, event: Event) => void;
}): Slider {
  const { label, min, max, step, value, name, format = (x) => String(x), onInput } = options;
  const input = el('input', { type: 'range', min, max, step, value, name });
  const output = el('output', {}, format(value));
  input.addEventListener('input', (event) => {
    const v = Number(input.value);
    output.textContent = format(v);
    onInput(v, event);
  });
  const root = el('label', {}, el('span', { className: 'label-text' }, label), input, output);
  return {
    root,
    input,
    output,
    set(v: number) {
      input.value = String(v);
      output.textContent = format(v);
    },
  };
}

/** One cell of {@link dataTable}: text, a node, or a number shown right-aligned. */
export type TableCell = string | Node | { num: string };

/**
 * A table with a caption, a header row of column headings and body rows: the shape of every
 * results table in the kit, so that each is labelled for screen readers the same way.
 */
export function dataTable(options: {
  role: string;
  caption: string;
  head: string[];
  rows: TableCell[][];
  className?: string;
}): HTMLTableElement {
  const cell = (c: TableCell) =>
    typeof c === 'object' && 'num' in c ? el('td', { className: 'num' }, c.num) : el('td', {}, c);
  return el(
    'table',
    { 'data-role': options.role, className: options.className },
    el('caption', {}, options.caption),
    el('thead', {}, el('tr', {}, ...options.head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...options.rows.map((r) => el('tr', {}, ...r.map(cell)))),
  );
}
