/**
 * Cross-origin isolation where the host cannot send the headers. Threaded WASM needs the page to
 * be cross-origin isolated; when the host sends COOP/COEP (public/_headers, the dev server) this
 * does nothing. Otherwise it registers public/isolation-sw.js, which adds the headers to the
 * site's pages, and reloads once when that worker takes control. The outcome is kept on
 * `<html data-isolation>` for the backend badge (tf.ts, widget.ts) and for tests.
 *
 * Runs on every page (Base.astro), before any widget: keep it small; its one import is its words.
 */
import { BACKEND_WORDS } from './backend.words';

/** How the page came to be cross-origin isolated, or why it is not. */
export type IsolationMode =
  /** The host sends COOP/COEP. */
  | 'host'
  /** The service worker added the headers. */
  | 'service-worker'
  /** The service worker is being registered; the page reloads once it controls it. */
  | 'starting'
  /** The reader turned the service worker off with `?isolation=off`. */
  | 'off'
  /** No headers and no service workers (an insecure context, or a browser without them). */
  | 'unavailable'
  /** The service worker could not be registered, or did not isolate the page after one reload. */
  | 'failed';

/** The service worker's file name inside the site's base path. */
export const ISOLATION_WORKER = 'isolation-sw.js';
// sessionStorage: the time of the reload made for the worker, or 'failed' once a reload did not
// isolate the page; then this tab never reloads for it again. Only pages that are not isolated
// read or write it: an isolated page (COOP) gets its own copy of sessionStorage in Chromium.
const RELOADED_KEY = 'kit-isolation-reloaded';
// A page whose navigation started this soon after that reload is the reload itself.
const RELOAD_WINDOW_MS = 3000;
// localStorage: 'off' while the reader has opted out (?isolation=off; ?isolation=on undoes it).
const OPT_OUT_KEY = 'kit-isolation';
// Must match the Server-Timing entry public/isolation-sw.js adds to the responses it changes.
const MARKER = 'kit-isolation';
// A worker that has not taken control by then will not: leave the page as it is.
const GIVE_UP_MS = 10_000;

const MODES: readonly IsolationMode[] = ['host', 'service-worker', 'starting', 'off', 'unavailable', 'failed'];

/** The isolation mode of this page, as decided by `startIsolation` (or guessed without it). */
export function isolationMode(): IsolationMode {
  const mode = globalThis.document?.documentElement.dataset.isolation;
  if (mode && (MODES as readonly string[]).includes(mode)) return mode as IsolationMode;
  return globalThis.crossOriginIsolated ? 'host' : 'unavailable';
}

/** The mode in words for the backend badge, e.g. "isolated by a service worker", in the page's edition. */
export function isolationNote(mode: IsolationMode = isolationMode(), w = BACKEND_WORDS.now()): string {
  return w.isolation[mode];
}

/** Runs a storage call where storage may be blocked (private modes, sandboxed frames). */
function tryStorage<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}

/** Whether the service worker answered this page's navigation (it marks what it changes). */
function servedByWorker(): boolean {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if (entry?.serverTiming) return entry.serverTiming.some((t) => t.name === MARKER);
  // Without Server-Timing, a controlled page is assumed to owe its isolation to the worker.
  return Boolean(navigator.serviceWorker?.controller);
}

/** Removes this site's isolation worker, if registered (the host isolates, or the reader opted out). */
function unregister(sw: ServiceWorkerContainer, scope: string): void {
  sw.getRegistration(scope).then(
    (registration) => {
      if (registration?.active?.scriptURL.endsWith(`/${ISOLATION_WORKER}`)) void registration.unregister();
    },
    () => undefined,
  );
}

/**
 * Decides and records this page's isolation mode; registers the worker and reloads once where
 * that is what isolates the page. `base` is the site's base path, e.g. '/lstm-kit/'.
 */
export function startIsolation(base: string): IsolationMode {
  const scope = base.endsWith('/') ? base : `${base}/`;
  const root = document.documentElement;
  const set = (mode: IsolationMode) => (root.dataset.isolation = mode);
  // Undefined outside secure contexts (http: other than localhost) and in old browsers.
  const sw = globalThis.isSecureContext ? navigator.serviceWorker : undefined;
  const param = new URLSearchParams(location.search).get('isolation');
  if (param === 'off') tryStorage(() => localStorage.setItem(OPT_OUT_KEY, 'off'), undefined);
  if (param === 'on') tryStorage(() => localStorage.removeItem(OPT_OUT_KEY), undefined);
  const optedOut = param === 'off' || tryStorage(() => localStorage.getItem(OPT_OUT_KEY) === 'off', false);

  if (globalThis.crossOriginIsolated) {
    const byWorker = sw !== undefined && servedByWorker();
    // The worker is not needed where the host isolates, nor wanted where the reader opted out.
    if (sw?.controller && (!byWorker || optedOut)) unregister(sw, scope);
    return set(byWorker ? 'service-worker' : 'host');
  }
  if (optedOut) {
    if (sw) unregister(sw, scope);
    return set('off');
  }
  if (!sw) return set('unavailable');
  // This page is the reload made for the worker (or follows a failed one) and is still not
  // isolated: the worker does not work here, and reloading again would not help.
  const guard = tryStorage(() => sessionStorage.getItem(RELOADED_KEY), null);
  if (guard === 'failed' || (guard !== null && Math.abs(performance.timeOrigin - Number(guard)) < RELOAD_WINDOW_MS)) {
    tryStorage(() => sessionStorage.setItem(RELOADED_KEY, 'failed'), undefined);
    return set('failed');
  }

  let done = false;
  const finish = (mode: IsolationMode) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    sw.removeEventListener('controllerchange', reload);
    set(mode);
  };
  function reload(): void {
    if (done) return;
    // No reload unless the guard is stored (storage may be blocked): it stops a reload loop.
    const stored = tryStorage(() => (sessionStorage.setItem(RELOADED_KEY, String(Date.now())), true), false);
    if (!stored) return finish('failed');
    finish('starting');
    location.reload();
  }
  const timer = setTimeout(() => finish('failed'), GIVE_UP_MS);
  // Listen first: the worker may claim this page before register() resolves.
  sw.addEventListener('controllerchange', reload);
  set('starting');
  sw.register(`${scope}${ISOLATION_WORKER}`, { scope }).then(
    (registration) => {
      // Already active, yet this page is not isolated: it was hard-reloaded (which bypasses
      // workers) or the worker let it through (a DevTools replay). A plain reload goes through it.
      // Otherwise the worker is new and claims the page once active (controllerchange).
      if (registration.active || sw.controller) reload();
    },
    (error: Error) => {
      console.warn(`The cross-origin isolation service worker could not be registered: ${error.message}`);
      finish('failed');
    },
  );
  return 'starting';
}
