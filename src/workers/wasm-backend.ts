/**
 * Starting tfjs's WASM backend with one thread per core where the page is cross-origin
 * isolated. Shared by the page's loader (tf.ts) and the browser training benchmark, which is
 * bundled without Vite and so sets its own .wasm paths before calling this.
 */
import type * as TfNamespace from '@tensorflow/tfjs';

type Tf = typeof TfNamespace;
type Wasm = Pick<typeof import('@tensorflow/tfjs-backend-wasm'), 'setThreadsCount'>;

/** Sets the WASM backend, with threads where allowed; resolves whether it started. */
export async function startWasmBackend(tf: Tf, wasm: Wasm): Promise<boolean> {
  if (!globalThis.crossOriginIsolated) return tf.setBackend('wasm');
  const cores = navigator.hardwareConcurrency || 1;
  wasm.setThreadsCount(cores);
  // tfjs's threaded build sizes its worker pool as hardwareConcurrency / 2 (assuming two
  // hyper-threads per core), which leaves a 2-core machine with one thread. Report twice the
  // cores while the backend starts so that the pool matches the cores we asked for.
  const own = Object.getOwnPropertyDescriptor(navigator, 'hardwareConcurrency');
  Object.defineProperty(navigator, 'hardwareConcurrency', { configurable: true, get: () => cores * 2 });
  try {
    return await tf.setBackend('wasm');
  } finally {
    if (own) Object.defineProperty(navigator, 'hardwareConcurrency', own);
    else delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}
