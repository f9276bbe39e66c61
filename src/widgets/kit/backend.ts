/**
 * Which tfjs backend to try first, decided from what the browser offers. Pure, so that the
 * decision is tested without a browser; src/widgets/kit/tf.ts gathers the facts and acts on it.
 */

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
 * The backends to try, best first: WebGPU or WebGL only on a real GPU, then WASM (threaded SIMD
 * when cross-origin isolated), with the CPU backend as the last resort.
 */
export function chooseBackends(probe: BackendProbe): BackendChoice[] {
  const out: BackendChoice[] = [];
  const gpu = probe.webgpu;
  if (gpu && !gpu.isFallbackAdapter && !isSoftwareRenderer(`${gpu.vendor} ${gpu.architecture} ${gpu.description}`)) {
    out.push({ name: 'webgpu', reason: `WebGPU on ${gpu.vendor || 'a GPU'}` });
  }
  if (probe.webglRenderer && !isSoftwareRenderer(probe.webglRenderer)) {
    out.push({ name: 'webgl', reason: `WebGL on ${probe.webglRenderer}` });
  }
  out.push({
    name: 'wasm',
    reason: probe.crossOriginIsolated
      ? 'WebAssembly with threads (the page is cross-origin isolated)'
      : 'WebAssembly, single-threaded (the host does not send cross-origin isolation headers)',
  });
  out.push({ name: 'cpu', reason: 'plain JavaScript, the slowest; used because nothing faster started' });
  return out;
}
