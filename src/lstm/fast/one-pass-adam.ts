/**
 * Adam for tfjs with exactly `tf.train.adam`'s maths, in one pass over each variable.
 *
 * tfjs's Adam updates a variable with about fourteen elementwise kernels (two products and a
 * sum for m, three products and a sum for v, two bias corrections, a root, a sum, a quotient, a
 * product and a sum for the step), each a full read and write of the variable. For the `r-keras`
 * embedding, 20,000 x 128 = 2.56 million numbers, that is about 13 ms of every training batch on
 * the WASM backend. This optimizer makes the same float32 operations in the same order, so that
 * its numbers are tfjs's own, in one kernel that reads value, gradient, m and v once and writes
 * the new three once:
 *
 * - on the `wasm` backend, a short SIMD loop (four numbers per instruction), written here with
 *   the kit's small WebAssembly assembler (wasm.ts) and run on the backend's own memory;
 * - on the `cpu` backend, the same loop in TypeScript ({@link adamStepInto});
 * - on any other backend, tfjs's own Adam.
 *
 * It is a `tf.AdamOptimizer`: it keeps its moments where tfjs's Adam keeps them, so that
 * `getWeights`, `setWeights` and `model.save(handler, {includeOptimizer: true})` are tfjs's, and a
 * saved model loads back in plain tfjs with a standard Adam.
 */
import type * as TfNamespace from '@tensorflow/tfjs';
import { add, at, div, F32, forLoop, get, I32, load, mul, set, splat, sqrt, store, tee, wasmModule } from './wasm';

type Tf = typeof TfNamespace;

/** The float32 constants of one Adam step, as tfjs's scalar tensors hold them. */
export interface AdamConstants {
  beta1: number;
  /** 1 - β₁, rounded to float32 after the subtraction, as tfjs rounds a scalar. */
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  /** The bias corrections 1 - β₁ᵗ and 1 - β₂ᵗ of step t. */
  correction1: number;
  correction2: number;
  epsilon: number;
  /** -η, the learning rate negated. */
  negLearningRate: number;
}

/**
 * One Adam step over plain arrays, from index `from` on: reads `value`, `gradient`, `m`, `v` and
 * writes the new value, m and v into the `out` arrays (which may be the inputs themselves):
 *
 *   m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²,
 *   θ ← ((m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)) (−η) + θ
 *
 * Every operation is rounded to float32 (`Math.fround`) in the order tfjs's kernels apply them,
 * so that the results are tfjs's own to the last bit.
 */
export function adamStepInto(
  value: Float32Array,
  gradient: Float32Array,
  m: Float32Array,
  v: Float32Array,
  out: { value: Float32Array; m: Float32Array; v: Float32Array },
  k: AdamConstants,
  from = 0,
): void {
  const f = Math.fround;
  const { beta1, oneMinusBeta1, beta2, oneMinusBeta2, correction1, correction2, epsilon, negLearningRate } = k;
  for (let j = from; j < value.length; j++) {
    const g = gradient[j]!;
    const mj = f(f(m[j]! * beta1) + f(g * oneMinusBeta1));
    const vj = f(f(v[j]! * beta2) + f(f(g * g) * oneMinusBeta2));
    const step = f(f(mj / correction1) / f(f(Math.sqrt(f(vj / correction2))) + epsilon));
    out.m[j] = mj;
    out.v[j] = vj;
    out.value[j] = f(step * negLearningRate) + value[j]!;
  }
}

/**
 * The bytes of a WebAssembly module with one function, `adam(value, gradient, m, v, outValue,
 * outM, outV, bytes, β₁, 1 − β₁, β₂, 1 − β₂, 1 − β₁ᵗ, 1 − β₂ᵗ, ε, −η)`: {@link adamStepInto} over
 * the first `bytes` bytes of each array (a multiple of 16), four float32 lanes at a time. The
 * pointers are byte offsets into the memory it imports as `env.memory`, the WASM backend's own
 * (a shared memory, as the threaded backend's is, when `shared`).
 *
 * WebAssembly's f32x4 arithmetic rounds every lane to float32 as the scalar code does, and the
 * order of the operations is the same, so both give the same bits.
 */
export function adamWasmBytes(shared: boolean): Uint8Array {
  // Parameters 0-6 are the pointers, 7 the length in bytes, 8-15 the constants; local 16 is the
  // byte offset, 17-19 hold g, the new m and the new v, and 20-27 the constants in all four lanes.
  const [END, I, G, M, V, K] = [7, 16, 17, 18, 19, 20];
  const k = (c: number) => get(K + c);
  const code = [
    ...[0, 1, 2, 3, 4, 5, 6, 7].flatMap((c) => set(K + c, splat(8 + c))),
    ...forLoop(I, get(END), 16, [
      ...set(G, load(at(1, I))),
      // m' = m β₁ + g (1 − β₁)
      ...store(at(5, I), tee(M, add(mul(load(at(2, I)), k(0)), mul(get(G), k(1))))),
      // v' = v β₂ + g² (1 − β₂)
      ...store(at(6, I), tee(V, add(mul(load(at(3, I)), k(2)), mul(get(G), get(G), k(3))))),
      // θ' = ((m' / c₁) / (√(v' / c₂) + ε)) (−η) + θ
      ...store(at(4, I), add(mul(div(div(get(M), k(4)), add(sqrt(div(get(V), k(5))), k(6))), k(7)), load(at(0, I)))),
    ]),
  ];
  const params = [...new Array<number>(8).fill(I32), ...new Array<number>(8).fill(F32)];
  return wasmModule([{ name: 'adam', params, i32Locals: 1, v128Locals: 11, code }], { shared });
}

type AdamWasm = (...args: number[]) => void;

// One instance per WASM backend memory.
const instances = new WeakMap<WebAssembly.Memory, AdamWasm | null>();

/** The SIMD `adam` function on `memory`, or null where this engine cannot run it. */
function adamWasm(memory: WebAssembly.Memory): AdamWasm | null {
  if (!instances.has(memory)) {
    let fn: AdamWasm | null = null;
    try {
      const bytes = adamWasmBytes(
        typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer,
      );
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource), { env: { memory } });
      fn = instance.exports['adam'] as AdamWasm;
    } catch {
      // No WebAssembly SIMD here: the kernel runs the TypeScript loop on the heap instead.
    }
    instances.set(memory, fn);
  }
  return instances.get(memory)!;
}

/** The name of the one-pass Adam kernel, registered for the cpu and wasm backends. */
export const ADAM_KERNEL = 'KitAdamUpdate';

type Info = TfNamespace.TensorInfo;

interface KernelArgs {
  inputs: { value: Info; gradient: Info; m: Info; v: Info };
  attrs: AdamConstants & Record<string, number>;
}

interface CpuBackend {
  data: { get(id: object): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array): Info;
}

interface WasmBackend {
  makeOutput(shape: number[], dtype: string): Info;
  typedArrayFromHeap(t: Info): Float32Array;
  wasm: { wasmMemory?: WebAssembly.Memory; asm?: { memory?: WebAssembly.Memory } };
}

// Both kernels write new arrays, never over their inputs', even where nothing else holds those:
// the WASM backend keeps each matMul's weights packed for XNNPACK under the tensor's id, and
// would go on multiplying by the old numbers.

function cpuKernel({ inputs, attrs, backend }: KernelArgs & { backend: CpuBackend }): Info[] {
  const read = (t: Info) => backend.data.get(t.dataId).values;
  const size = read(inputs.value).length;
  const out = { value: new Float32Array(size), m: new Float32Array(size), v: new Float32Array(size) };
  adamStepInto(read(inputs.value), read(inputs.gradient), read(inputs.m), read(inputs.v), out, attrs);
  const shape = inputs.value.shape;
  return [out.value, out.m, out.v].map((values) => backend.makeTensorInfo(shape, 'float32', values));
}

function wasmKernel({ inputs, attrs, backend }: KernelArgs & { backend: WasmBackend }): Info[] {
  const shape = inputs.value.shape;
  const outputs = [0, 1, 2].map(() => backend.makeOutput(shape, 'float32'));
  // Views into the WASM heap, taken after the allocations above (which may grow the heap).
  const [value, gradient, m, v, outValue, outM, outV] = [
    inputs.value,
    inputs.gradient,
    inputs.m,
    inputs.v,
    ...outputs,
  ].map((t) => backend.typedArrayFromHeap(t!));
  const out = { value: outValue!, m: outM!, v: outV! };
  const memory = backend.wasm.wasmMemory ?? backend.wasm.asm?.memory;
  const simd = memory ? adamWasm(memory) : null;
  let done = 0;
  if (simd) {
    done = value!.length & ~3;
    const k = attrs;
    simd(
      ...[value, gradient, m, v, outValue, outM, outV].map((a) => a!.byteOffset),
      done * 4,
      ...[k.beta1, k.oneMinusBeta1, k.beta2, k.oneMinusBeta2, k.correction1, k.correction2, k.epsilon],
      k.negLearningRate,
    );
  }
  // The last (length mod 4) numbers, or all of them without SIMD.
  adamStepInto(value!, gradient!, m!, v!, out, attrs, done);
  return outputs;
}

/**
 * Registers the one-pass Adam kernel ({@link ADAM_KERNEL}) for the cpu and wasm backends. Safe
 * to call more than once.
 */
export function registerAdamKernel(tf: Tf): void {
  for (const [backendName, kernel] of [
    ['cpu', cpuKernel],
    ['wasm', wasmKernel],
  ] as const) {
    if (tf.getKernel(ADAM_KERNEL, backendName)) continue;
    tf.registerKernel({
      kernelName: ADAM_KERNEL,
      backendName,
      kernelFunc: kernel as unknown as TfNamespace.KernelFunc,
    });
  }
}

/** What tfjs's AdamOptimizer keeps (private in its typings): this optimizer uses the same places. */
interface AdamState {
  accBeta1: TfNamespace.Variable;
  accBeta2: TfNamespace.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: TfNamespace.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: TfNamespace.Variable } | undefined)[];
}

type FastAdamClass = new (learningRate: number) => TfNamespace.AdamOptimizer;

// One subclass per tfjs instance (a page and a Node script may hold different ones).
const classes = new WeakMap<Tf, FastAdamClass>();

function fastAdamClass(tf: Tf): FastAdamClass {
  const known = classes.get(tf);
  if (known) return known;
  const f = Math.fround;
  class FastAdamOptimizer extends tf.AdamOptimizer {
    constructor(learningRate: number) {
      // β₁, β₂ and ε are tfjs's defaults (ε is the backend's, 1e-7 on cpu and wasm).
      super(learningRate, 0.9, 0.999);
    }

    override applyGradients(variableGradients: Parameters<TfNamespace.AdamOptimizer['applyGradients']>[0]): void {
      const state = this as unknown as AdamState;
      if (!tf.getKernel(ADAM_KERNEL, tf.getBackend()) || !state.accBeta1 || !state.accumulatedFirstMoment) {
        super.applyGradients(variableGradients);
        return;
      }
      const names = Array.isArray(variableGradients)
        ? variableGradients.map((v) => v.name)
        : Object.keys(variableGradients);
      tf.tidy(() => {
        // tfjs computes 1 - β^t as a float32 scalar from the float32 running product β^t.
        const constants: AdamConstants = {
          beta1: f(this.beta1),
          oneMinusBeta1: f(1 - this.beta1),
          beta2: f(this.beta2),
          oneMinusBeta2: f(1 - this.beta2),
          correction1: f(1 - state.accBeta1.dataSync()[0]!),
          correction2: f(1 - state.accBeta2.dataSync()[0]!),
          epsilon: f(this.epsilon),
          negLearningRate: f(-this.learningRate),
        };
        names.forEach((name, i) => {
          const value = tf.engine().registeredVariables[name]!;
          // Moments named and made as tfjs's Adam makes them, so that its weights are the same.
          state.accumulatedFirstMoment[i] ??= {
            originalName: `${name}/m`,
            variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
          };
          state.accumulatedSecondMoment[i] ??= {
            originalName: `${name}/v`,
            variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
          };
          const gradient = Array.isArray(variableGradients) ? variableGradients[i]!.tensor : variableGradients[name];
          if (gradient == null) return;
          const m = state.accumulatedFirstMoment[i].variable;
          const v = state.accumulatedSecondMoment[i].variable;
          const [newValue, newM, newV] = tf
            .engine()
            .runKernel<TfNamespace.Tensor[]>(ADAM_KERNEL, { value, gradient, m, v }, { ...constants });
          m.assign(newM!);
          v.assign(newV!);
          value.assign(newValue!);
        });
        state.accBeta1.assign(tf.mul(state.accBeta1, this.beta1));
        state.accBeta2.assign(tf.mul(state.accBeta2, this.beta2));
      });
      this.incrementIterations();
    }
  }
  classes.set(tf, FastAdamOptimizer);
  return FastAdamOptimizer;
}

/**
 * An Adam optimizer (β₁ 0.9, β₂ 0.999, the backend's ε, as `tf.train.adam(learningRate)`) with
 * tfjs's maths in one kernel per variable on the cpu and wasm backends. Use it in
 * `model.compile({optimizer: adamOptimizer(tf)})`; it saves and loads as tfjs's Adam.
 */
export function adamOptimizer(tf: Tf, learningRate = 0.001): TfNamespace.AdamOptimizer {
  registerAdamKernel(tf);
  return new (fastAdamClass(tf))(learningRate);
}
