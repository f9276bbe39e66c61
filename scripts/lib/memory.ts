/**
 * What a Node run of tfjs holds in memory: the WASM backend's linear memory (which only grows),
 * the JavaScript heap, and the live tensors, for the commands that report peaks.
 */
import * as tf from '@tensorflow/tfjs';

/** Bytes of the WASM heap (the backend's linear memory), or null on other backends. */
export function wasmHeapBytes(): number | null {
  const wasm = (tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } }).wasm;
  return wasm?.HEAPU8 ? wasm.HEAPU8.buffer.byteLength : null;
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Peaks of the WASM heap and the JavaScript heap, and the tensor count, sampled by `sample()`. */
export function memoryPeaks() {
  let wasm: number | null = null;
  let js = 0;
  let tensors = { min: Infinity, max: 0 };
  return {
    sample() {
      const heap = wasmHeapBytes();
      if (heap !== null) wasm = Math.max(wasm ?? 0, heap);
      js = Math.max(js, process.memoryUsage().heapUsed);
      const n = tf.memory().numTensors;
      tensors = { min: Math.min(tensors.min, n), max: Math.max(tensors.max, n) };
    },
    /** "peak WASM heap 385 MiB, peak JS heap 120 MiB, live tensors 88-95"; resets the tensor range. */
    line(): string {
      const range = tensors.min === tensors.max ? `${tensors.max}` : `${tensors.min}-${tensors.max}`;
      tensors = { min: Infinity, max: 0 };
      return `${wasm === null ? '' : `peak WASM heap ${mib(wasm)}, `}peak JS heap ${mib(js)}, live tensors ${range}`;
    },
  };
}
