/**
 * The page header stays within reach: it sticks to the top of the window, slides away while the
 * reader scrolls down through a chapter and comes back as soon as they scroll up. So the
 * language switch (which leads to the section being read, see src/language-switch.ts) and the
 * reference pages are a small scroll away from anywhere, without a bar that always covers text.
 */

/** Scrolls smaller than this (CSS pixels) neither hide nor show the header: a trackpad's jitter. */
const JITTER = 4;

/** Whether the header shows after a scroll from `previous` to `now`, given whether it showed. */
export function headerShown(previous: number, now: number, shown: boolean, headerHeight: number): boolean {
  if (now <= headerHeight) return true;
  if (now > previous + JITTER) return false;
  if (now < previous - JITTER) return true;
  return shown;
}

/** Wires the header `head`: hidden while scrolling down, shown on the way up or when it gets focus. */
export function autoHideHeader(head: HTMLElement | null): void {
  if (!head) return;
  let last = window.scrollY;
  let shown = true;
  window.addEventListener(
    'scroll',
    () => {
      const now = window.scrollY;
      const next = headerShown(last, now, shown, head.offsetHeight);
      if (next !== shown) head.toggleAttribute('data-hidden', !next);
      shown = next;
      last = now;
    },
    { passive: true },
  );
  // A keyboard reader tabbing into the header sees where the focus is.
  head.addEventListener('focusin', () => {
    shown = true;
    head.removeAttribute('data-hidden');
  });
}
