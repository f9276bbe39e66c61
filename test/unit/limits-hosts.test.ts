/** The hosts a page contacted, grouped from request entries as the browser records them. */
import { describe, expect, it } from 'vitest';
import { describeHosts, hostsContacted } from '../../src/data/hosts';

const PAGE = 'http://127.0.0.1:4321';

describe('hosts contacted', () => {
  it("groups requests by origin, the page's own first, and skips what never left the browser", () => {
    const rows = hostsContacted(
      [
        { name: `${PAGE}/lstm-kit/chapters/07-limits/`, initiatorType: 'navigation' },
        { name: `${PAGE}/lstm-kit/_astro/a.js`, initiatorType: 'script' },
        { name: `${PAGE}/lstm-kit/_astro/b.js`, initiatorType: 'script' },
        { name: 'https://cdn.example.org/tf.min.js', initiatorType: 'script' },
        { name: 'https://fonts.example.com/a.woff2', initiatorType: 'css' },
        { name: 'https://fonts.example.com/b.woff2', initiatorType: 'css' },
        { name: `${PAGE}/lstm-kit/data/imdb/manifest.json`, initiatorType: 'fetch' },
        { name: 'data:image/png;base64,AAAA', initiatorType: 'img' },
        { name: `blob:${PAGE}/6d0c`, initiatorType: 'other' },
        { name: 'not a url', initiatorType: '' },
      ],
      PAGE,
    );
    expect(rows).toEqual([
      {
        origin: PAGE,
        host: '127.0.0.1:4321',
        requests: 4,
        kinds: [
          ['script', 2],
          ['fetch', 1],
          ['navigation', 1],
        ],
        sameOrigin: true,
      },
      {
        origin: 'https://fonts.example.com',
        host: 'fonts.example.com',
        requests: 2,
        kinds: [['css', 2]],
        sameOrigin: false,
      },
      {
        origin: 'https://cdn.example.org',
        host: 'cdn.example.org',
        requests: 1,
        kinds: [['script', 1]],
        sameOrigin: false,
      },
    ]);
    expect(describeHosts(rows)).toBe(
      'This page has made 7 requests: 4 requests to 127.0.0.1:4321 and 3 requests to other hosts: fonts.example.com (2 requests), cdn.example.org (1 request).',
    );
  });

  it('says so when every request went to the page’s own host', () => {
    const rows = hostsContacted([{ name: `${PAGE}/`, initiatorType: 'navigation' }], PAGE);
    expect(describeHosts(rows)).toBe('This page has made 1 request, all to 127.0.0.1:4321, the host that served it.');
    expect(describeHosts([])).toBe('This page has recorded no requests yet.');
  });
});
