/**
 * Wide content (a table, a code block, a displayed formula, a widget's readout) scrolls sideways
 * inside its own box rather than widening the page. A box that scrolls must be reachable with
 * the keyboard, so that its hidden part can be scrolled into view with the arrow keys: this
 * gives every such box that scrolls now, and holds nothing focusable itself, a tab stop
 * (tabindex="0"), and takes it away again when the box fits. Widgets draw after the page has
 * loaded and resize with the window, so the boxes are checked again after every change.
 */

/** The boxes that may scroll sideways: see the `overflow-x: auto` rules in global.css. */
export const SCROLL_BOXES = '.table-scroll, .math-display, pre, .readout, .kit-table, .plot, .lstm-formula';

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
const MARK = 'data-scroll-focus';
/** Changes this close together are handled together. */
const QUIET_MS = 150;

/** Whether `box` scrolls sideways now. */
function scrolls(box: Element): boolean {
  if (box.scrollWidth <= box.clientWidth + 1) return false;
  const overflow = getComputedStyle(box).overflowX;
  return overflow === 'auto' || overflow === 'scroll';
}

/** Gives the boxes under `root` that scroll a tab stop, and takes it from those that no longer do. */
export function markScrollBoxes(root: ParentNode = document): void {
  for (const box of root.querySelectorAll(SCROLL_BOXES)) {
    const marked = box.hasAttribute(MARK);
    if (scrolls(box)) {
      if (marked || box.hasAttribute('tabindex') || box.querySelector(FOCUSABLE)) continue;
      box.setAttribute('tabindex', '0');
      box.setAttribute(MARK, '');
    } else if (marked) {
      box.removeAttribute('tabindex');
      box.removeAttribute(MARK);
    }
  }
}

/**
 * Keeps {@link markScrollBoxes} up to date as the page loads, changes and resizes. A change is
 * handled at once (before the next task, so a box never waits for its tab stop), and further
 * changes within {@link QUIET_MS} together once that time has passed, so that a widget that
 * redraws many times a second (training curves) does not measure the page each time.
 */
export function watchScrollBoxes(): void {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    last = performance.now();
    markScrollBoxes();
  };
  const schedule = () => {
    if (timer !== undefined) return;
    const wait = last + QUIET_MS - performance.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  run();
  addEventListener('resize', schedule);
  addEventListener('load', schedule);
  // Only added and removed nodes (a widget's content, its style sheet): the tab stops this sets
  // do not call it again.
  new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
}
