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

/**
 * A one-line text input named `text` (the URL state's key) that calls `onInput` with its value on
 * every edit. Spell-checking is off by default: red squiggles under the words a model reads
 * would only distract.
 */
export function textInput(options: {
  value: string;
  maxLength: number;
  spellcheck?: boolean;
  onInput: (text: string, event: Event) => void;
}): HTMLInputElement {
  const { value, maxLength, spellcheck = false, onInput } = options;
  const input = el('input', {
    type: 'text',
    name: 'text',
    value,
    maxlength: maxLength,
    spellcheck: spellcheck ? undefined : 'false',
  });
  input.addEventListener('input', (event) => onInput(input.value, event));
  return input;
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

/**
 * One cell of {@link dataTable}: text or a node; `{ num }` a number, right-aligned; `{ head }`
 * the row's heading (`<th scope="row">`); `{ cell, role, className }` a cell with attributes.
 */
export type TableCell =
  | string
  | Node
  | { num: string; role?: string }
  | { head: string | Node; role?: string }
  | { cell: string | Node; role?: string; className?: string };

/** A body row of {@link dataTable}: its cells, or its cells with attributes on the `<tr>`. */
export type TableRow = TableCell[] | { cells: TableCell[]; attrs: Record<string, string> };

/**
 * A table with a caption, a header row of column headings (none for a two-column readout of
 * labels and values) and body rows: the shape of every table in the kit, so that each is
 * labelled for screen readers the same way.
 */
export function dataTable(options: {
  /** Its `data-role`, by which tests and styles find it. */
  role?: string;
  caption?: string;
  head?: (string | Node)[];
  rows: TableRow[];
  className?: string;
}): HTMLTableElement {
  const cell = (c: TableCell) => {
    if (typeof c === 'string' || c instanceof Node) return el('td', {}, c);
    if ('num' in c) return el('td', { className: 'num', 'data-role': c.role }, c.num);
    if ('head' in c) return el('th', { scope: 'row', 'data-role': c.role }, c.head);
    return el('td', { className: c.className, 'data-role': c.role }, c.cell);
  };
  const row = (r: TableRow) =>
    Array.isArray(r) ? el('tr', {}, ...r.map(cell)) : el('tr', r.attrs, ...r.cells.map(cell));
  return el(
    'table',
    { 'data-role': options.role, className: options.className },
    ...(options.caption === undefined ? [] : [el('caption', {}, options.caption)]),
    ...(options.head ? [el('thead', {}, el('tr', {}, ...options.head.map((h) => el('th', { scope: 'col' }, h))))] : []),
    el('tbody', {}, ...options.rows.map(row)),
  );
}
