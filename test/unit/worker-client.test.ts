import { describe, expect, it } from 'vitest';
import { requestInWorker, startWorker } from '../../src/workers/client';

/**
 * A stand-in for a Web Worker: records what the page posts and lets the test play the worker's
 * side (reply, fail), so that the client's bookkeeping is checked without a browser.
 */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: unknown[] = [];
  transfers: Transferable[][] = [];
  terminated = false;
  postMessage(message: unknown, transfer: Transferable[] = []) {
    this.posted.push(message);
    this.transfers.push(transfer);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
  fail(message: string) {
    let prevented = false;
    this.onerror?.({ message, preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    return prevented;
  }
}

type Report =
  { type: 'progress'; done: number } | { type: 'result'; value: number } | { type: 'error'; message: string };

function fake() {
  const worker = new FakeWorker();
  return { worker, create: () => worker as unknown as Worker };
}

describe('worker client', () => {
  it('sends typed requests with their transfer lists and hands every report on', () => {
    const { worker, create } = fake();
    const reports: unknown[] = [];
    const client = startWorker<{ type: 'go' }, Report>(create, (r) => reports.push(r));
    const buffer = new ArrayBuffer(8);
    client.send({ type: 'go' }, [buffer]);
    expect(worker.posted).toEqual([{ type: 'go' }]);
    expect(worker.transfers).toEqual([[buffer]]);
    worker.reply({ type: 'progress', done: 1 });
    expect(reports).toEqual([{ type: 'progress', done: 1 }]);
  });

  it('turns a failing worker into an error report naming it, and keeps it out of the console', () => {
    const { worker, create } = fake();
    const reports: unknown[] = [];
    startWorker(create, (r) => reports.push(r), 'training worker');
    expect(worker.fail('')).toBe(true);
    expect(reports).toEqual([{ type: 'error', message: 'the training worker failed: it could not start' }]);
  });

  it('hears nothing after terminate', () => {
    const { worker, create } = fake();
    const reports: unknown[] = [];
    const client = startWorker(create, (r) => reports.push(r));
    client.terminate();
    worker.reply({ type: 'progress', done: 1 });
    expect(worker.terminated).toBe(true);
    expect(reports).toEqual([]);
  });

  it('resolves a request with the picked report, passing progress on, and ends the worker', async () => {
    const { worker, create } = fake();
    const progress: number[] = [];
    const answer = requestInWorker(
      create,
      { type: 'go' },
      {
        onReport: (r: Report) => {
          if (r.type === 'progress') progress.push(r.done);
          return r.type === 'result' ? r.value : undefined;
        },
      },
    );
    worker.reply({ type: 'progress', done: 1 });
    worker.reply({ type: 'progress', done: 2 });
    expect(worker.terminated).toBe(false);
    worker.reply({ type: 'result', value: 42 });
    await expect(answer).resolves.toBe(42);
    expect(progress).toEqual([1, 2]);
    expect(worker.terminated).toBe(true);
  });

  it('rejects on an error report, through toError, and ends the worker', async () => {
    const { worker, create } = fake();
    const answer = requestInWorker(
      create,
      {},
      {
        onReport: () => undefined,
        toError: (r) => new RangeError(`wrapped: ${r.message}`),
      },
    );
    worker.reply({ type: 'error', message: 'corrupt archive' });
    await expect(answer).rejects.toThrow(new RangeError('wrapped: corrupt archive'));
    expect(worker.terminated).toBe(true);
  });

  it('cancels: an abort ends the worker at once and rejects with the reason; an aborted signal starts nothing', async () => {
    const { worker, create } = fake();
    const controller = new AbortController();
    const answer = requestInWorker(create, {}, { signal: controller.signal, onReport: () => undefined });
    controller.abort(new Error('the reader chose another file'));
    await expect(answer).rejects.toThrow('the reader chose another file');
    expect(worker.terminated).toBe(true);

    let created = 0;
    const never = requestInWorker(
      () => {
        created++;
        return worker as unknown as Worker;
      },
      {},
      { signal: controller.signal, onReport: () => undefined },
    );
    await expect(never).rejects.toThrow('the reader chose another file');
    expect(created).toBe(0);
  });

  it('rejects when the worker itself fails mid-request', async () => {
    const { worker, create } = fake();
    const answer = requestInWorker(create, {}, { onReport: () => undefined, what: 'data worker' });
    worker.fail('out of memory');
    await expect(answer).rejects.toThrow('the data worker failed: out of memory');
  });
});
