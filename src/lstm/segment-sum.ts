/**
 * A fast `UnsortedSegmentSum`, the kernel behind the gradient of an embedding lookup.
 *
 * tfjs computes the gradient of `gather` (and so of every Embedding layer) with
 * `unsortedSegmentSum(dy, ids, vocabularySize)`. Its CPU kernel loops over every segment for
 * every row, O(vocabulary x tokens x dim): 27 s for one small batch here (DESIGN.md). The WASM
 * backend has no kernel at all, so training an embedding there throws. A scatter-add is
 * O(tokens x dim) and gives the same sums.
 */
import type * as TfNamespace from '@tensorflow/tfjs';

type Tf = typeof TfNamespace;

/**
 * out[ids[n], :] += x[n, :] for every row n: `x` is `[rows, width]` row-major, `ids` `[rows]`,
 * `out` `[segments, width]`. Ids outside 0..segments-1 are skipped, as TensorFlow does.
 */
export function segmentSumInto(x: ArrayLike<number>, ids: ArrayLike<number>, width: number, out: Float32Array): void {
  const segments = out.length / width;
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n];
    if (id < 0 || id >= segments) continue;
    const from = n * width;
    const to = id * width;
    for (let k = 0; k < width; k++) out[to + k] += x[from + k];
  }
}

interface KernelArgs {
  inputs: { x: TfNamespace.TensorInfo; segmentIds: TfNamespace.TensorInfo };
  attrs: { numSegments: number };
}

function outputShape(x: TfNamespace.TensorInfo, numSegments: number): { shape: number[]; width: number } {
  const width = x.shape.slice(1).reduce((a, b) => a * b, 1);
  return { shape: [numSegments, ...x.shape.slice(1)], width };
}

interface CpuBackend {
  data: { get(id: object): { values: ArrayLike<number> } };
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array): TfNamespace.TensorInfo;
}

interface WasmBackend {
  makeOutput(shape: number[], dtype: string): TfNamespace.TensorInfo;
  typedArrayFromHeap(t: TfNamespace.TensorInfo): ArrayLike<number> & { fill?: (v: number) => void };
}

function cpuKernel({ inputs, attrs, backend }: KernelArgs & { backend: CpuBackend }): TfNamespace.TensorInfo {
  const { x, segmentIds } = inputs;
  const { shape, width } = outputShape(x, attrs.numSegments);
  const out = new Float32Array(attrs.numSegments * width);
  segmentSumInto(backend.data.get(x.dataId).values, backend.data.get(segmentIds.dataId).values, width, out);
  return backend.makeTensorInfo(shape, 'float32', out);
}

function wasmKernel({ inputs, attrs, backend }: KernelArgs & { backend: WasmBackend }): TfNamespace.TensorInfo {
  const { x, segmentIds } = inputs;
  const { shape, width } = outputShape(x, attrs.numSegments);
  const out = backend.makeOutput(shape, 'float32');
  // Views into the WASM heap, taken after the allocation above (which may grow the heap).
  const outView = backend.typedArrayFromHeap(out) as Float32Array;
  outView.fill(0);
  segmentSumInto(backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(segmentIds), width, outView);
  return out;
}

/**
 * Registers the scatter-add kernel for `backendName` ('cpu' or 'wasm'), replacing tfjs's own.
 * Safe to call more than once.
 */
export function registerFastSegmentSum(tf: Tf, backendName: 'cpu' | 'wasm'): void {
  const kernelName = 'UnsortedSegmentSum';
  const kernelFunc = (backendName === 'cpu' ? cpuKernel : wasmKernel) as unknown as TfNamespace.KernelFunc;
  const existing = tf.getKernel(kernelName, backendName);
  if (existing?.kernelFunc === kernelFunc) return;
  if (existing) tf.unregisterKernel(kernelName, backendName);
  tf.registerKernel({ kernelName, backendName, kernelFunc });
}
