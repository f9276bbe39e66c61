/**
 * <kit-limits-privacy>: every host this page has contacted, read live from the browser's own
 * record of its requests (Navigation and Resource Timing), updated as requests happen.
 */
import { describeHosts, hostsContacted, type RequestEntry } from '../../data/hosts';
import { dataTable, el } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { defineWidget, KitWidget } from '../kit/widget';
import './limits-shared.css';
import { pageLocale } from '../../i18n/words';
import { LIMITS_PRIVACY_WORDS } from './limits-privacy.words';

const schema = {} as const;

// Redraw at most this often while requests stream in (a widget loading tfjs makes dozens).
const REDRAW_MS = 250;

class LimitsPrivacyWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = LIMITS_PRIVACY_WORDS.now().engine;
  private summary!: HTMLElement;
  private table!: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private observer: PerformanceObserver | null = null;

  protected build(): void {
    const w = LIMITS_PRIVACY_WORDS.now();
    this.summary = el('p', { className: 'limits-summary', 'data-role': 'hosts-summary', 'aria-live': 'polite' });
    // The table scrolls sideways on a phone, so it takes the focus (and a name) for the keyboard.
    this.table = el('div', {
      className: 'readout',
      'data-role': 'hosts',
      tabindex: 0,
      role: 'region',
      'aria-label': w.region,
    });
    const check = el('button', { type: 'button', 'data-role': 'hosts-refresh' }, w.checkAgain);
    check.addEventListener('click', () => this.update());
    this.append(el('div', { className: 'controls' }, check), this.summary, this.table);
    this.observer = new PerformanceObserver(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update(), REDRAW_MS);
    });
    this.observer.observe({ type: 'resource' });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    clearTimeout(this.timer);
  }

  protected update(): void {
    const entries: RequestEntry[] = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ].map((e) => ({ name: e.name, initiatorType: (e as PerformanceResourceTiming).initiatorType }));
    const rows = hostsContacted(entries, location.origin);
    const w = LIMITS_PRIVACY_WORDS.now();
    this.summary.textContent = describeHosts(rows, pageLocale());
    this.table.replaceChildren(
      dataTable({
        caption: w.caption,
        head: [...w.head],
        rows: rows.map((r) => ({
          cells: [
            { head: r.host },
            fmtInt(r.requests),
            r.kinds.map(([kind, n]) => `${kind} ${fmtInt(n)}`).join(', '),
            r.sameOrigin ? w.yes : w.no,
          ],
          attrs: { 'data-host': r.host },
        })),
      }),
    );
  }
}

defineWidget('kit-limits-privacy', LimitsPrivacyWidget);
