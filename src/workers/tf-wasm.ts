/**
 * tfjs inside a Web Worker, on the WASM backend (the worker has no DOM, so the page's backend
 * probe in src/widgets/kit/tf.ts cannot run here). The .wasm files are bundled as URLs, as the
 * page does it.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** The backend that started, in words for the cell header. */
export interface WorkerBackend {
  label: string;
  reason: string;
}

/** Starts WASM (single-threaded SIMD), falling back to the CPU backend; resolves once tfjs is ready. */
export async function startWorkerTf(): Promise<WorkerBackend> {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
  });
  // One thread on purpose: this worker already is the thread beside the page, a skip-gram step
  // is many small kernels that threads barely speed up, and the threaded build needs the
  // _scriptDir fix (scripts/lib/vite-tfjs-wasm-threads.ts) that Vite applies to page bundles
  // only, not to worker bundles.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  try {
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      return {
        label: `tfjs · WASM (${simd ? 'SIMD' : 'no SIMD'}, 1 thread) in a Web Worker`,
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
