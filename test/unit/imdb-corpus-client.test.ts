import { describe, expect, it } from 'vitest';
import type { ImdbAvailability } from '../../src/embedding/skipgram-session';
import { imdbCorpusClient } from '../../src/workers/imdb-corpus-client';

/** A stand-in for the data worker: records what the page posts and lets the test answer. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

function started() {
  const worker = new FakeWorker();
  const availability: ImdbAvailability[] = [];
  const client = imdbCorpusClient(() => worker as unknown as Worker, {
    baseUrl: 'https://kit.test/data/imdb/',
    maxVocabulary: 5000,
    minCount: 5,
    onAvailability: (a) => availability.push(a),
  });
  return { worker, client, availability };
}

describe('chapter 4 data worker client', () => {
  it('asks at once whether the data is there, and passes the answer on', () => {
    const { worker, availability } = started();
    expect(worker.posted).toEqual([{ type: 'check', baseUrl: 'https://kit.test/data/imdb/' }]);
    worker.reply({ type: 'absent', message: 'The prepared IMDB data is not on this site.' });
    worker.reply({ type: 'available', reviews: 25000, words: 89000 });
    expect(availability).toEqual([
      { kind: 'absent', message: 'The prepared IMDB data is not on this site.' },
      { kind: 'available', reviews: 25000 },
    ]);
  });

  it('answers loads in the order they were asked, progress going to the oldest', async () => {
    const { worker, client } = started();
    const progress: string[] = [];
    const first = client.load(1000, (loaded, total) => progress.push(`first ${loaded}/${total}`));
    const second = client.load(3000, (loaded, total) => progress.push(`second ${loaded}/${total}`));
    expect(worker.posted.slice(1)).toEqual([
      { type: 'load', baseUrl: 'https://kit.test/data/imdb/', reviews: 1000, maxVocabulary: 5000, minCount: 5 },
      { type: 'load', baseUrl: 'https://kit.test/data/imdb/', reviews: 3000, maxVocabulary: 5000, minCount: 5 },
    ]);
    worker.reply({ type: 'progress', loaded: 1, total: 8 });
    const a = [Int32Array.from([0, 1])];
    worker.reply({ type: 'corpus', sequences: a, words: ['x', 'y'], reviews: 1000 });
    worker.reply({ type: 'error', message: 'checksum mismatch' });
    expect(progress).toEqual(['first 1/8']);
    await expect(first).resolves.toEqual({ corpus: { sequences: a, words: ['x', 'y'] }, reviews: 1000 });
    await expect(second).rejects.toThrow('checksum mismatch');
  });

  it('ends the worker', () => {
    const { worker, client } = started();
    client.terminate();
    expect(worker.terminated).toBe(true);
  });
});
