/**
 * tfjs inside a Web Worker, on the WASM backend (the worker has no DOM, so the page's backend
 * probe in src/widgets/kit/tf.ts cannot run here). The .wasm files are bundled as URLs, as the
 * page does it.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { startWasmBackend } from './wasm-backend';

/** The backend that started, in words for the cell header. */
export interface WorkerBackend {
  label: string;
  reason: string;
}

/**
 * Starts WASM, falling back to the CPU backend; resolves once tfjs is ready. With `threads`, a
 * cross-origin isolated page's worker gets one WASM thread per core (training: large matMuls
 * that threads speed up); without, one thread.
 */
export async function startWorkerTf({ threads = false }: { threads?: boolean } = {}): Promise<WorkerBackend> {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
  });
  // The skip-gram worker runs one thread on purpose: it already is the thread beside the page,
  // and a skip-gram step is many small kernels that threads barely speed up. (Threaded WASM in a
  // worker bundle needs the _scriptDir fix of scripts/lib/vite-tfjs-wasm-threads.ts, which
  // astro.config.mjs applies to workers too.)
  if (!threads) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  try {
    if (await startWasmBackend(tf, { setThreadsCount })) {
      await tf.ready();
      const count = threads && globalThis.crossOriginIsolated ? getThreadsCount() : 1;
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      return {
        label: `tfjs · WASM (${simd ? 'SIMD' : 'no SIMD'}, ${count} thread${count === 1 ? '' : 's'}) in a Web Worker`,
        reason: 'WebAssembly in a worker thread, so that the page stays responsive while it trains',
      };
    }
  } catch {
    // Fall through to the CPU backend below.
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { label: 'tfjs · CPU (JavaScript) in a Web Worker', reason: 'WebAssembly did not start in this browser' };
}
