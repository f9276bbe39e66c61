/*
 * Cross-origin isolation for hosts that cannot send headers (GitHub Pages), written for this kit.
 *
 * tfjs's WASM backend runs threads only in a cross-origin isolated page, which needs the
 * response headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy:
 * require-corp. Where the host does not send them, this worker adds them to the responses that
 * decide isolation: the site's own page navigations and worker scripts. Every other request is
 * left to the browser, untouched, and nothing is ever cached here, so nothing can go stale.
 *
 * src/widgets/kit/isolation.ts registers it with the site's base path as its scope and reloads
 * the page once when the worker takes control; `?isolation=off` in a page's URL opts out.
 * Served as is from public/: plain JavaScript, no imports.
 */

// Tells the page (through its navigation timing) that this worker, not the host, isolated it.
const MARKER = 'kit-isolation;desc="service-worker"';

self.addEventListener('install', () => {
  // Nothing to prepare: take over at once rather than after every tab of the site has closed.
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/** Whether a request's response decides the isolation of a document or a worker. */
function decidesIsolation(request) {
  if (request.method !== 'GET') return false;
  if (request.mode === 'navigate') return true;
  return request.destination === 'worker' || request.destination === 'sharedworker';
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Other hosts' requests and the site's subresources pass through: same-origin resources need
  // no header under require-corp, and answering them here would only add a hop.
  if (url.origin !== self.location.origin || !decidesIsolation(request)) return;
  // The reader opted out for this page: serve it exactly as the host does.
  if (url.searchParams.get('isolation') === 'off') return;
  // fetch() rejects 'only-if-cached' outside same-origin mode (it happens when DevTools
  // replays a navigation): let the browser handle such a request itself.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(isolate(request));
});

/** The host's response to `request`, with the isolation headers added where they are missing. */
async function isolate(request) {
  // The request goes out with its own cache mode and redirect mode, as without this worker.
  const response = await fetch(request);
  // Opaque, redirect and error responses cannot be rebuilt (status 0): hand them on as they
  // are; the browser follows a navigation's redirect and asks this worker again.
  if (response.status === 0 || response.type === 'opaque' || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  if (headers.has('Cross-Origin-Opener-Policy') && headers.has('Cross-Origin-Embedder-Policy')) return response;
  if (!headers.has('Cross-Origin-Opener-Policy')) headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (!headers.has('Cross-Origin-Embedder-Policy')) headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.append('Server-Timing', MARKER);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
