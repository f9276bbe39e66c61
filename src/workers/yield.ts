/**
 * Yielding inside a worker: a MessageChannel round trip lets the worker's event loop deliver the
 * messages waiting for it (Pause, Stop) in the middle of a long computation, without the minimum
 * delay that nested setTimeout calls get.
 */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** Resolves once the worker's queued messages have had their turn. */
export function yieldToMessages(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
