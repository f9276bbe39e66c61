/**
 * Which tfjs backend to try first, decided from what the browser offers. Pure, so that the
 * decision is tested without a browser; src/widgets/kit/tf.ts gathers the facts and acts on it.
 */
import { BACKEND_WORDS } from './backend.words';

/** What the page found out about the browser. */
export interface BackendProbe {
  /** `globalThis.crossOriginIsolated`: threads (SharedArrayBuffer) are allowed. */
  crossOriginIsolated: boolean;
  /** The WebGPU adapter's description, or null when there is no WebGPU adapter. */
  webgpu: { isFallbackAdapter: boolean; vendor: string; architecture: string; description: string } | null;
  /** The unmasked WebGL renderer string, or null when WebGL is unavailable. */
  webglRenderer: string | null;
}

/** A backend to try, and why it was chosen or passed over. */
export interface BackendChoice {
  name: 'webgpu' | 'webgl' | 'wasm' | 'cpu';
  reason: string;
}

// Software renderers run "GPU" code on the CPU, far slower than WASM: never use them.
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver|microsoft basic/i;

/** Whether a renderer or adapter description names a software (CPU) implementation. */
export function isSoftwareRenderer(description: string): boolean {
  return SOFTWARE_RENDERER.test(description);
}

/**
 * The backends to try, best first (their reasons in the words `w`, English by default): WebGPU or WebGL only on a real GPU, then WASM (threaded SIMD
 * when cross-origin isolated), with the CPU backend as the last resort.
 */
export function chooseBackends(probe: BackendProbe, w = BACKEND_WORDS.en): BackendChoice[] {
  const out: BackendChoice[] = [];
  const gpu = probe.webgpu;
  if (gpu && !gpu.isFallbackAdapter && !isSoftwareRenderer(`${gpu.vendor} ${gpu.architecture} ${gpu.description}`)) {
    out.push({ name: 'webgpu', reason: w.webgpu(gpu.vendor) });
  }
  if (probe.webglRenderer && !isSoftwareRenderer(probe.webglRenderer)) {
    out.push({ name: 'webgl', reason: w.webgl(probe.webglRenderer) });
  }
  out.push({
    name: 'wasm',
    reason: probe.crossOriginIsolated ? w.wasmThreads : w.wasmSingle,
  });
  out.push({ name: 'cpu', reason: w.cpu });
  return out;
}
