/**
 * Which hosts a page has contacted, from the browser's own record of its requests (the
 * Navigation and Resource Timing entries: `performance.getEntriesByType('navigation')` and
 * `('resource')`). Pure, so that it is tested without a browser: the page passes the entries in.
 */
import { LANG_TAG, type Locale } from '../i18n/locales.ts';
import { HOSTS_WORDS } from './hosts.words.ts';

/** The part of a PerformanceEntry this needs. */
export interface RequestEntry {
  /** The URL requested. */
  name: string;
  /** What asked for it: 'navigation', 'script', 'link', 'fetch', 'img', 'other'... */
  initiatorType: string;
}

/** One host the page contacted. */
export interface HostRow {
  /** Scheme, host and port, e.g. "https://example.org". */
  origin: string;
  /** Host and port, e.g. "127.0.0.1:4321". */
  host: string;
  /** Requests to it. */
  requests: number;
  /** What asked, most frequent first, with counts: [['script', 12], ['fetch', 3]]. */
  kinds: [string, number][];
  /** Whether it is the origin that served the page. */
  sameOrigin: boolean;
}

/**
 * Groups requests by origin: the page's own origin first, then the others by number of
 * requests. Only network requests count: `data:` and `blob:` URLs never leave the browser.
 */
export function hostsContacted(entries: readonly RequestEntry[], pageOrigin: string): HostRow[] {
  const rows = new Map<string, { host: string; requests: number; kinds: Map<string, number> }>();
  for (const entry of entries) {
    let url: URL;
    try {
      url = new URL(entry.name);
    } catch {
      continue; // not a URL: nothing was fetched
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    let row = rows.get(url.origin);
    if (!row) {
      row = { host: url.host, requests: 0, kinds: new Map() };
      rows.set(url.origin, row);
    }
    row.requests++;
    const kind = entry.initiatorType || 'other';
    row.kinds.set(kind, (row.kinds.get(kind) ?? 0) + 1);
  }
  return [...rows.entries()]
    .map(([origin, r]) => ({
      origin,
      host: r.host,
      requests: r.requests,
      kinds: [...r.kinds.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
      sameOrigin: origin === pageOrigin,
    }))
    .sort((a, b) => Number(b.sameOrigin) - Number(a.sameOrigin) || b.requests - a.requests);
}

/** A sentence that says whether every request stayed with the page's own host, in `locale`'s words. */
export function describeHosts(rows: readonly HostRow[], locale: Locale = 'en'): string {
  const w = HOSTS_WORDS[locale];
  const total = rows.reduce((n, r) => n + r.requests, 0);
  const own = rows.find((r) => r.sameOrigin);
  const others = rows.filter((r) => !r.sameOrigin);
  const requests = (n: number) => w.requests(n.toLocaleString(LANG_TAG[locale]), n === 1);
  if (total === 0) return w.none;
  if (others.length === 0) return w.allOwn(requests(total), own!.host);
  const list = others.map((r) => w.hostWithRequests(r.host, requests(r.requests))).join(w.listSeparator);
  return w.mixed({
    total: requests(total),
    own: requests(own?.requests ?? 0),
    host: own?.host ?? w.ownHost,
    others: requests(total - (own?.requests ?? 0)),
    list,
  });
}
