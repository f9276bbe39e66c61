/**
 * A fast `GatherV2` for the lookup an Embedding layer does: rows of a table by index.
 *
 * The WASM backend's own kernel takes about 6.7 ms to gather 2,560 rows of 128 floats (one batch
 * of `r-keras`) here, about 2.6 ns per number copied; copying whole rows takes a fraction of a
 * millisecond. Only the embedding case (axis 0, no batch dimensions) is taken over; every other
 * gather goes to the backend's own kernel.
 */
import type * as TfNamespace from '@tensorflow/tfjs';

type Tf = typeof TfNamespace;

/**
 * out[n, :] = x[ids[n], :] for every n: `x` is `[rows, width]` row-major, `out` `[ids.length,
 * width]`. Throws on an index outside 0..rows-1, as tfjs's kernels do.
 */
export function gatherRowsInto(
  x: Float32Array | Int32Array,
  ids: ArrayLike<number>,
  width: number,
  out: Float32Array | Int32Array,
): void {
  const rows = x.length / width;
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n]!;
    if (!(id >= 0 && id < rows)) throw new Error(`GatherV2: the index value ${id} is not in [0, ${rows - 1}]`);
    out.set(x.subarray(id * width, id * width + width), n * width);
  }
}

interface KernelArgs {
  inputs: { x: TfNamespace.TensorInfo; indices: TfNamespace.TensorInfo };
  attrs: { axis: number; batchDims: number };
}

interface CpuBackend {
  data: { get(id: object): { values: Float32Array | Int32Array } };
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array | Int32Array): TfNamespace.TensorInfo;
}

interface WasmBackend {
  makeOutput(shape: number[], dtype: string): TfNamespace.TensorInfo;
  typedArrayFromHeap(t: TfNamespace.TensorInfo): Float32Array | Int32Array;
}

// The embedding case: rows of a float32 or int32 table along axis 0.
function isRowLookup({ inputs, attrs }: KernelArgs): boolean {
  const { x, indices } = inputs;
  const axis = attrs.axis < 0 ? attrs.axis + x.shape.length : attrs.axis;
  return (
    axis === 0 &&
    (attrs.batchDims ?? 0) === 0 &&
    (x.dtype === 'float32' || x.dtype === 'int32') &&
    indices.dtype === 'int32'
  );
}

function shapeOf({ inputs }: KernelArgs): { shape: number[]; width: number } {
  const { x, indices } = inputs;
  const width = x.shape.slice(1).reduce((a, b) => a * b, 1);
  return { shape: [...indices.shape, ...x.shape.slice(1)], width };
}

/**
 * Registers the row-copying gather for `backendName` ('cpu' or 'wasm') in front of tfjs's own,
 * which still serves every other kind of gather. Safe to call more than once.
 */
export function registerFastGather(tf: Tf, backendName: 'cpu' | 'wasm'): void {
  const kernelName = 'GatherV2';
  const existing = tf.getKernel(kernelName, backendName);
  if (!existing) throw new Error(`registerFastGather: ${backendName} has no GatherV2 kernel to stand in front of.`);
  if ((existing.kernelFunc as { fastGather?: boolean }).fastGather) return;
  const fallback = existing.kernelFunc;
  const kernelFunc = ((args: KernelArgs & { backend: CpuBackend & WasmBackend }) => {
    if (!isRowLookup(args)) return fallback(args as unknown as Parameters<TfNamespace.KernelFunc>[0]);
    const { x, indices } = args.inputs;
    const { shape, width } = shapeOf(args);
    const { backend } = args;
    if (backendName === 'cpu') {
      const values = backend.data.get(x.dataId).values;
      const size = width * indicesSize(indices);
      const out = x.dtype === 'int32' ? new Int32Array(size) : new Float32Array(size);
      gatherRowsInto(values, backend.data.get(indices.dataId).values, width, out);
      return backend.makeTensorInfo(shape, x.dtype, out);
    }
    const out = backend.makeOutput(shape, x.dtype);
    // Views into the WASM heap, taken after the allocation above (which may grow the heap).
    gatherRowsInto(
      backend.typedArrayFromHeap(x),
      backend.typedArrayFromHeap(indices),
      width,
      backend.typedArrayFromHeap(out),
    );
    return out;
  }) as unknown as TfNamespace.KernelFunc & { fastGather?: boolean };
  kernelFunc.fastGather = true;
  tf.unregisterKernel(kernelName, backendName);
  tf.registerKernel({
    kernelName,
    backendName,
    kernelFunc,
    setupFunc: existing.setupFunc,
    disposeFunc: existing.disposeFunc,
  });
}

function indicesSize(indices: TfNamespace.TensorInfo): number {
  return indices.shape.reduce((a, b) => a * b, 1);
}
