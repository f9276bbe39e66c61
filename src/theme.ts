/** The colour theme: 'system' follows the operating system, 'light' and 'dark' override it. */
export type Theme = 'system' | 'light' | 'dark';

const order: Theme[] = ['system', 'light', 'dark'];

/** The stored theme, or 'system' when nothing valid is stored. */
export function readTheme(storage: Pick<Storage, 'getItem'>): Theme {
  const t = storage.getItem('kit-theme');
  return order.includes(t as Theme) ? (t as Theme) : 'system';
}

/** The theme after `t` in the toggle's cycle. */
export function nextTheme(t: Theme): Theme {
  return order[(order.indexOf(t) + 1) % order.length];
}

/** Sets `data-theme` on the root element ('system' removes it and lets CSS media queries decide). */
export function applyTheme(root: HTMLElement, t: Theme): void {
  if (t === 'system') delete root.dataset.theme;
  else root.dataset.theme = t;
}
