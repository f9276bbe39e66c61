/**
 * A fast `GatherV2` for the lookup an Embedding layer does: rows of a table by index, and no
 * copies of the table around it.
 *
 * The WASM backend's own kernel takes about 6.7 ms to gather 2,560 rows of 128 floats (one batch
 * of `r-keras`) here, about 2.6 ns per number copied; copying whole rows takes a fraction of a
 * millisecond. Only the embedding case (axis 0, no batch dimensions) is taken over; every other
 * gather goes to the backend's own kernel.
 *
 * Around the lookup, tfjs copies data that it never changes: the engine saves the whole table
 * for the backward pass with an `Identity` kernel, and the gradient of a gather along axis 0
 * runs two `Transpose` kernels that leave the order as it is. The WASM backend's `Identity` (and
 * its no-op `Transpose`) copies, 10 MB of table per batch; the cpu backend's `Identity` shares
 * the data instead, as `Reshape` does on both, which is safe because tfjs never writes into a
 * tensor's data once made. {@link registerFastGather} makes them share on both backends.
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
 * which still serves every other kind of gather, and an `Identity` and a no-op `Transpose` that
 * share their input's data instead of copying it. Safe to call more than once.
 */
export function registerFastGather(tf: Tf, backendName: 'cpu' | 'wasm'): void {
  standInFront(tf, 'GatherV2', backendName, gatherKernel(backendName));
  standInFront(tf, 'Identity', backendName, (args) => (args.inputs['x']!.dtype === 'string' ? null : sharedData));
  standInFront(tf, 'Transpose', backendName, (args) => (isNoOpTranspose(args) ? sharedData : null));
}

/** Puts tfjs's own kernels back in place of {@link registerFastGather}'s (the benchmarks switch). */
export function unregisterFastGather(tf: Tf, backendName: 'cpu' | 'wasm'): void {
  for (const kernelName of KERNELS) {
    const own = (tf.getKernel(kernelName, backendName)?.kernelFunc as Kit | undefined)?.kit;
    if (!own) continue;
    tf.unregisterKernel(kernelName, backendName);
    tf.registerKernel(own);
  }
}

const KERNELS = ['GatherV2', 'Identity', 'Transpose'];

type KernelFunc = TfNamespace.KernelFunc;
type AnyArgs = Parameters<KernelFunc>[0];
/** Picks the kernel for these arguments, or null to leave them to tfjs's own. */
type Chooser = (args: AnyArgs) => KernelFunc | null;

/** A kernel function of the kit's, which knows the config of tfjs's own kernel it stands in front of. */
type Kit = KernelFunc & { kit?: TfNamespace.KernelConfig };

// Registers a kernel that runs what `choose` picks and tfjs's own kernel otherwise.
function standInFront(tf: Tf, kernelName: string, backendName: string, choose: Chooser): void {
  const existing = tf.getKernel(kernelName, backendName);
  if (!existing)
    throw new Error(`registerFastGather: ${backendName} has no ${kernelName} kernel to stand in front of.`);
  if ((existing.kernelFunc as Kit).kit) return;
  const fallback = existing.kernelFunc;
  const kernelFunc: Kit = (args: AnyArgs) => (choose(args) ?? fallback)(args);
  kernelFunc.kit = existing;
  tf.unregisterKernel(kernelName, backendName);
  tf.registerKernel({
    kernelName,
    backendName,
    kernelFunc,
    setupFunc: existing.setupFunc,
    disposeFunc: existing.disposeFunc,
  });
}

/** The output is the input's data under the output's shape: one more reference, no copy. */
function sharedData(args: AnyArgs): TfNamespace.TensorInfo {
  const x = args.inputs['x']!;
  const perm = (args.attrs?.['perm'] as number[] | undefined) ?? x.shape.map((_, k) => k);
  (args.backend as unknown as { incRef(id: object): void }).incRef(x.dataId);
  return { dataId: x.dataId, shape: perm.map((k) => x.shape[k]!), dtype: x.dtype };
}

/** Whether a transpose leaves every element where it is: its moved axes all have size 1. */
function isNoOpTranspose(args: AnyArgs): boolean {
  const x = args.inputs['x']!;
  const perm = args.attrs!['perm'] as number[];
  const moved = perm.filter((k) => x.shape[k] !== 1);
  return x.dtype !== 'string' && moved.every((k, n) => n === 0 || k > moved[n - 1]!);
}

function gatherKernel(backendName: 'cpu' | 'wasm'): Chooser {
  const kernelFunc = (args: KernelArgs & { backend: CpuBackend & WasmBackend }) => {
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
  };
  return (args) => (isRowLookup(args as unknown as KernelArgs) ? (kernelFunc as unknown as KernelFunc) : null);
}

function indicesSize(indices: TfNamespace.TensorInfo): number {
  return indices.shape.reduce((a, b) => a * b, 1);
}
