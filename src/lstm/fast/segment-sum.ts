/**
 * A fast `UnsortedSegmentSum`, the kernel behind the gradient of an embedding lookup.
 *
 * tfjs computes the gradient of `gather` (and so of every Embedding layer) with
 * `unsortedSegmentSum(dy, ids, vocabularySize)`. Its CPU kernel loops over every segment for
 * every row, O(vocabulary x tokens x dim): 27 s for one small batch here (DESIGN.md). The WASM
 * backend has no kernel at all, so training an embedding there throws. A scatter-add is
 * O(tokens x dim) and gives the same sums; on the WASM backend it adds four numbers per
 * instruction (WebAssembly SIMD): about 0.2 ms per batch of `r-keras` against 0.7 ms for the
 * loop in TypeScript.
 */
import type * as TfNamespace from '@tensorflow/tfjs';
import { add, add32, at, bytes, forLoop, get, I32, load, mul32, set, store, wasmModule } from './wasm';

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
  typedArrayFromHeap(t: TfNamespace.TensorInfo): Float32Array | Int32Array;
  wasm: { wasmMemory?: WebAssembly.Memory; asm?: { memory?: WebAssembly.Memory } };
}

/**
 * The bytes of a module with one function, `scatter(x, ids, out, rows, width, segments)`:
 * {@link segmentSumInto} with `width` a multiple of 4, on the memory it imports (the WASM
 * backend's; `shared` when that is the threaded backend's), pointers in bytes.
 */
export function scatterWasmBytes(shared: boolean): Uint8Array {
  const [X, IDS, OUT, ROWS, WIDTH, SEGMENTS] = [0, 1, 2, 3, 4, 5];
  const [N, K, ID, SRC, DST, W4] = [6, 7, 8, 9, 10, 11];
  const code = [
    ...set(W4, bytes(WIDTH)),
    ...forLoop(N, get(ROWS), 1, [
      ...set(ID, [...add32(get(IDS), bytes(N)), 0x28, 2, 0]), // i32.load
      // Ids outside 0..segments-1 (negative ones too, as unsigned) are skipped.
      ...[...get(ID), ...get(SEGMENTS), 0x49, 0x04, 0x40], // if id < segments (unsigned)
      ...set(SRC, add32(get(X), mul32(get(N), get(W4)))),
      ...set(DST, add32(get(OUT), mul32(get(ID), get(W4)))),
      ...forLoop(K, get(W4), 16, store(at(DST, K), add(load(at(DST, K)), load(at(SRC, K))))),
      0x0b, // end if
    ]),
  ];
  return wasmModule([{ name: 'scatter', params: new Array<number>(6).fill(I32), i32Locals: 6, v128Locals: 0, code }], {
    shared,
  });
}

type Scatter = (x: number, ids: number, out: number, rows: number, width: number, segments: number) => void;

// One instance per WASM backend memory; null where this engine has no WebAssembly SIMD.
const instances = new WeakMap<WebAssembly.Memory, Scatter | null>();

function scatterOn(memory: WebAssembly.Memory): Scatter | null {
  if (!instances.has(memory)) {
    let fn: Scatter | null = null;
    try {
      const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
      const module = new WebAssembly.Module(scatterWasmBytes(shared) as BufferSource);
      fn = new WebAssembly.Instance(module, { env: { memory } }).exports['scatter'] as Scatter;
    } catch {
      // The TypeScript loop instead.
    }
    instances.set(memory, fn);
  }
  return instances.get(memory)!;
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
  const [xView, idsView, outView] = [x, segmentIds, out].map((t) => backend.typedArrayFromHeap(t));
  outView!.fill(0);
  const memory = backend.wasm.wasmMemory ?? backend.wasm.asm?.memory;
  const simd = memory && width % 4 === 0 && segmentIds.dtype === 'int32' ? scatterOn(memory) : null;
  if (simd)
    simd(xView!.byteOffset, idsView!.byteOffset, outView!.byteOffset, idsView!.length, width, attrs.numSegments);
  else segmentSumInto(xView!, idsView!, width, outView as Float32Array);
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
