/**
 * Loads tfjs on first use (never with the page) and starts the best backend the browser has.
 * Every widget that needs tfjs calls `loadTf()`; they share one instance and one backend.
 */
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { chooseBackends, type BackendProbe } from './backend';
import { isolationNote } from './isolation';
import { BACKEND_WORDS } from './backend.words';
import { startWasmBackend } from '../../workers/wasm-backend';

type Tf = typeof import('@tensorflow/tfjs');

/** The backend that runs, in words a reader understands. */
export interface BackendInfo {
  name: string;
  /** Short label for the cell header, e.g. "tfjs · WASM (SIMD, 2 threads)". */
  label: string;
  /** Why this backend was chosen. */
  reason: string;
  /**
   * For the WASM backend, whether threads were allowed and why, e.g. "isolated by a service
   * worker" (see isolation.ts); empty for the other backends. The cell shows it beside the label.
   */
  isolation: string;
}

async function probe(): Promise<BackendProbe> {
  let webgpu: BackendProbe['webgpu'] = null;
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (gpu) {
    try {
      const adapter = (await gpu.requestAdapter()) as {
        info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
        isFallbackAdapter?: boolean;
      } | null;
      if (adapter) {
        const info = adapter.info ?? {};
        webgpu = {
          isFallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
          vendor: info.vendor ?? '',
          architecture: info.architecture ?? '',
          description: info.description ?? '',
        };
      }
    } catch {
      webgpu = null; // No adapter: WebGPU is simply not an option.
    }
  }
  let webglRenderer: string | null = null;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl) {
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      webglRenderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      // Give the probe context back at once: browsers allow only a few live WebGL contexts.
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    webglRenderer = null;
  }
  return { crossOriginIsolated: Boolean(globalThis.crossOriginIsolated), webgpu, webglRenderer };
}

async function start(tf: Tf, name: string, w = BACKEND_WORDS.now()): Promise<string | null> {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    });
    const started = await startWasmBackend(tf, wasm);
    if (!started) return null;
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const threads = wasm.getThreadsCount();
    return w.wasmLabel(Boolean(simd), threads);
  }
  if (name === 'webgpu') {
    await import('@tensorflow/tfjs-backend-webgpu');
    return (await tf.setBackend('webgpu')) ? 'WebGPU' : null;
  }
  if (name === 'webgl') return (await tf.setBackend('webgl')) ? 'WebGL' : null;
  return (await tf.setBackend('cpu')) ? w.cpuLabel : null;
}

let loading: Promise<{ tf: Tf; backend: BackendInfo }> | null = null;

/** tfjs with a started backend; the first call downloads tfjs, later calls share it. */
export function loadTf(): Promise<{ tf: Tf; backend: BackendInfo }> {
  loading ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    const w = BACKEND_WORDS.now();
    const failures: string[] = [];
    for (const choice of chooseBackends(await probe(), w)) {
      try {
        const label = await start(tf, choice.name, w);
        if (label) {
          await tf.ready();
          // Readers (and the benchmarks) can experiment with the same tfjs from the browser console.
          (globalThis as { kitTf?: Tf }).kitTf = tf;
          // A reader (or a bug report) should see why a faster backend was passed over.
          const isolation = choice.name === 'wasm' ? isolationNote() : '';
          const reason = [choice.reason, isolation, ...failures].filter(Boolean).join(w.separator);
          const backend = { name: choice.name, label: `tfjs · ${label}`, reason, isolation };
          // The cell badge (widget.ts) finds the isolation note here, whichever widget shows the label.
          (globalThis as { kitBackend?: BackendInfo }).kitBackend = backend;
          return { tf, backend };
        }
        failures.push(w.didNotStart(choice.name));
      } catch (e) {
        failures.push(`${choice.name}: ${(e as Error).message}`);
      }
    }
    throw new Error(w.noBackend(failures.join(w.separator)));
  })();
  return loading;
}
