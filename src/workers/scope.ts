/**
 * The worker's side of {@link ../workers/client.ts}: typed `post` and `listen` over the worker's
 * global scope. A thrown value becomes an error report's text through `errorMessage` in
 * src/data/errors.ts. Imported only by `src/workers/<name>/worker.ts` files.
 */

interface Scope<Request, Report> {
  postMessage(message: Report, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<Request>) => void) | null;
}

/** The worker's end of the channel, typed by its protocol. */
export interface WorkerPort<Request, Report> {
  /** Posts a report; the buffers in `transfer` move to the page instead of being copied. */
  post(report: Report, transfer?: Transferable[]): void;
  /** Calls `handle` with each request as it arrives. */
  listen(handle: (request: Request) => void): void;
}

/** This worker's port (call it once, at the top of a worker.ts). */
export function workerPort<Request, Report>(): WorkerPort<Request, Report> {
  const scope = globalThis as unknown as Scope<Request, Report>;
  return {
    post: (report, transfer = []) => scope.postMessage(report, transfer),
    listen: (handle) => {
      scope.onmessage = (event) => handle(event.data);
    },
  };
}
