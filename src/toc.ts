/**
 * The side table of contents marks the section being read (`aria-current="location"`), so a
 * reader who scrolled far into a long chapter sees where they are. The section is the last one
 * whose heading has passed the top third of the window.
 */

/** The index of the section being read: the last heading above `line`, or 0 before the first. */
export function currentSection(headingTops: readonly number[], line: number): number {
  let current = 0;
  for (let k = 0; k < headingTops.length; k++) if (headingTops[k]! <= line) current = k;
  return current;
}

/** The index of the section being read in the window now, by its headings' places. */
function sectionReadNow(headings: ArrayLike<HTMLElement>): number {
  const tops = Array.from(headings, (h) => h.getBoundingClientRect().top);
  return currentSection(tops, window.innerHeight / 3);
}

/** Keeps the current section's link marked in `nav` while the page scrolls. */
export function followSections(nav: Element | null): void {
  if (!nav) return;
  const links = [...nav.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
  const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  if (headings.some((h) => h === null)) return;
  let shown = -1;
  let queued = false;
  const mark = (): void => {
    queued = false;
    const k = sectionReadNow(headings as HTMLElement[]);
    if (k === shown) return;
    if (shown >= 0) links[shown]!.removeAttribute('aria-current');
    links[k]!.setAttribute('aria-current', 'location');
    shown = k;
  };
  // One measurement per frame at most, however fast the scroll events come.
  const queue = (): void => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(mark);
  };
  addEventListener('scroll', queue, { passive: true });
  addEventListener('resize', queue);
  mark();
}

/**
 * The language switch names a section by its place, `#section-3`, because its heading's id is
 * written in the page's language and differs in the other edition; both editions have the same
 * sections in the same order. The number is 1-based; null for any other hash.
 */
export function sectionFromHash(hash: string): number | null {
  const m = /^#section-([1-9]\d{0,2})$/.exec(hash);
  return m ? Number(m[1]) : null;
}

/** On arrival from the language switch, scrolls to the section it named and gives the hash its real id. */
export function openSectionByNumber(headings: NodeListOf<HTMLElement>): void {
  const n = sectionFromHash(location.hash);
  if (n === null) return;
  const heading = headings[n - 1];
  if (!heading) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${heading.id}`);
  heading.scrollIntoView();
}

/** The hash that names the section being read now, or '' near the top of the page. */
export function currentSectionHash(headings: NodeListOf<HTMLElement>): string {
  // Near the top, or before the first heading, the reader is at the chapter's start.
  if (headings.length === 0 || window.scrollY < 50) return '';
  if (headings[0]!.getBoundingClientRect().top > window.innerHeight / 3) return '';
  return `#section-${sectionReadNow(headings) + 1}`;
}
