/**
 * The per-step arithmetic of the fused LSTM layer (fused-layer.ts) between its matMuls, and the
 * scratch memory it runs on: the step's input [h_{t-1} m, x_t n] (with a transposed record of it
 * for the weight gradients), the cell update, the gate gradients, and the split of the step's
 * gradient product.
 *
 * Each is a loop over the batch x units block of a step, about 160,000 numbers per batch of
 * `r-keras` for the cell alone; in plain TypeScript these loops took about 6 ms of a 33 ms
 * training batch in Node. Here they are also written as WebAssembly SIMD (four float32 lanes per
 * instruction, with the kit's small assembler in wasm.ts), several times faster. The arrays live
 * in a WebAssembly memory of their own, so that both versions read and write the same numbers:
 * the TypeScript version is the reference (the tests hold the two together) and runs wherever
 * SIMD is missing or the sizes are not multiples of 4.
 */
import {
  add,
  add32,
  at,
  bytes,
  div,
  f32x4,
  forLoop,
  get,
  i32,
  i32x4,
  I32,
  load,
  loadF32,
  mul,
  mul32,
  set,
  simdOp,
  store,
  storeF32,
  sub,
  uleb,
  wasmModule,
  type Code,
} from './wasm';

/** One step's cell update ({@link Scratch.forward}): byte offsets of `[rows, 4u]` gates and `[rows, u]` states. */
export interface ForwardStep {
  gates: number;
  cPrev: number;
  c: number;
  tc: number;
  h: number;
  rows: number;
  units: number;
}

/** One step's product input and its record ({@link Scratch.input}): byte offsets, strides in floats. */
export interface InputStep {
  a: number;
  hPrev: number;
  mask: number;
  x: number;
  xStride: number;
  inMask: number;
  inputsT: number;
  rowStride: number;
  rows: number;
  units: number;
  inputDim: number;
}

/** The split of one step's backward product ({@link Scratch.output}): byte offsets, strides in floats. */
export interface OutputStep {
  back: number;
  dhRec: number;
  dx: number;
  dxStride: number;
  inMask: number;
  rows: number;
  units: number;
  inputDim: number;
}

/**
 * The gates of one inference step from a table of input rows ({@link Scratch.rowGates}): byte
 * offsets of the step's product `[rows, 4u]`, the table `[vocabulary, 4u]`, the step's ids
 * (int32, `[rows]`) and the gates `[rows, 4u]` to write.
 */
export interface RowGatesStep {
  gates: number;
  product: number;
  table: number;
  ids: number;
  rows: number;
  units: number;
}

/**
 * Rows added into a table by index ({@link Scratch.addRows}): byte offsets of the table
 * `[?, width]`, the rows `[rows, width]` and their indices (int32, `[rows]`).
 */
export interface AddRowsStep {
  table: number;
  src: number;
  ids: number;
  rows: number;
  width: number;
}

/** One step's gate gradients ({@link Scratch.backward}): byte offsets of `[rows, 4u]` and `[rows, u]` arrays. */
export interface BackwardStep {
  gates: number;
  tc: number;
  cPrev: number;
  dy: number;
  dhRec: number;
  mask: number;
  dcNext: number;
  dcPrev: number;
  dz: number;
  rows: number;
  units: number;
}

// The WebAssembly functions take the same numbers positionally, in the order of these tuples.
type ForwardArgs = [number, number, number, number, number, number, number];
type InputArgs = [number, number, number, number, number, number, number, number, number, number, number];
type OutputArgs = [number, number, number, number, number, number, number, number];
type BackwardArgs = [number, number, number, number, number, number, number, number, number, number, number];
type RowGatesArgs = [number, number, number, number, number, number];
type AddRowsArgs = [number, number, number, number, number];

const forwardArgs = (s: ForwardStep): ForwardArgs => [s.gates, s.cPrev, s.c, s.tc, s.h, s.rows, s.units];
const inputArgs = (s: InputStep): InputArgs => [
  s.a,
  s.hPrev,
  s.mask,
  s.x,
  s.xStride,
  s.inMask,
  s.inputsT,
  s.rowStride,
  s.rows,
  s.units,
  s.inputDim,
];
const outputArgs = (s: OutputStep): OutputArgs => [
  s.back,
  s.dhRec,
  s.dx,
  s.dxStride,
  s.inMask,
  s.rows,
  s.units,
  s.inputDim,
];
const rowGatesArgs = (s: RowGatesStep): RowGatesArgs => [s.gates, s.product, s.table, s.ids, s.rows, s.units];
const addRowsArgs = (s: AddRowsStep): AddRowsArgs => [s.table, s.src, s.ids, s.rows, s.width];
const backwardArgs = (s: BackwardStep): BackwardArgs => [
  s.gates,
  s.tc,
  s.cPrev,
  s.dy,
  s.dhRec,
  s.mask,
  s.dcNext,
  s.dcPrev,
  s.dz,
  s.rows,
  s.units,
];

/** Offsets are in bytes from the start of the scratch memory; sizes in float32 numbers. */
export interface Scratch {
  /** Takes room for `size` floats (NOT zeroed) and returns its offset; may grow the memory. */
  take(size: number): number;
  /** Gives back what {@link Scratch.take} returned, with the same size. */
  giveBack(offset: number, size: number): void;
  /**
   * A view of `size` floats at `offset`. Any `take` may grow the memory and so detach every view
   * taken before it: take first, then make views.
   */
  f32(offset: number, size: number): Float32Array;
  /** How many takes are not given back yet: 0 between batches, whatever a batch threw. */
  readonly taken: number;
  /** Whether the step functions below run as WebAssembly SIMD (else as TypeScript). */
  readonly simd: boolean;
  /**
   * The cell update of one step for `rows` sequences of `units` units. `gates` is `[rows, 4u]`:
   * i, f, σ(2 z_C~) and o (so that C~ = 2σ - 1); `cPrev` is C_{t-1}, `[rows, u]`. Writes C_t,
   * tanh(C_t) and h_t = o tanh(C_t), each `[rows, u]`.
   */
  forward(step: ForwardStep): void;
  /**
   * The input of one step's product, and its record for the weight gradients. Writes `a` =
   * [h_{t-1} m, x_t n], `[rows, u + inputDim]`, from `hPrev` and `mask` m (`[rows, u]`), the rows
   * of x_t (row b at `x` + b `xStride` floats) and the input mask n (`[rows, inputDim]`); and `a`
   * transposed into `inputsT`: a[b, j] at j `rowStride` + b floats from `inputsT`.
   */
  input(step: InputStep): void;
  /**
   * Splits one step's product dz_t [U^T, W^T], `back` (`[rows, u + inputDim]`): its first u
   * columns into `dhRec` (`[rows, u]`), the rest times the input mask n (`[rows, inputDim]`) into
   * the rows of dL/dx_t (row b at `dx` + b `dxStride` floats).
   */
  output(step: OutputStep): void;
  /**
   * The gate gradients of one step. Reads the step's `gates`, `tc` = tanh(C_t) and `cPrev`, the
   * gradient `dy` of h_t from the layer's output, `dhRec` = dL/d(h_t m) from step t + 1 and the
   * recurrent `mask` m, and `dcNext` = dL/dC_t from step t + 1. Writes dL/dz_t into `dz`
   * (`[rows, 4u]`, gate order i, f, C~, o) and dL/dC_{t-1} into `dcPrev`.
   */
  backward(step: BackwardStep): void;
  /**
   * The gates of one step of inference (fused-predict.ts): gates[b] = σ(product[b] +
   * table[ids[b]]) over the `4u` columns of each row b, the table row of sequence b's id at this
   * step standing for its input's share x_t W + b.
   */
  rowGates(step: RowGatesStep): void;
  /**
   * table[ids[r]] += src[r] for each of the `rows` rows of `width` numbers, in order (the fused
   * layer sums each step's dz_t into the row of its distinct input, distinct-rows.ts).
   */
  addRows(step: AddRowsStep): void;
  /** A view of `size` int32 numbers at `offset` (the same rules as {@link Scratch.f32}). */
  i32(offset: number, size: number): Int32Array;
}

/** tanh(c) from one exponential, about twice as fast as Math.tanh here (V8). */
export function tanh(c: number): number {
  return 1 - 2 / (Math.exp(2 * c) + 1);
}

/** {@link Scratch.forward} in TypeScript, on views `f32` makes. */
function forwardJs(f32: Scratch['f32'], ...[gp, cpp, cp, tcp, hp, rows, u]: ForwardArgs): void {
  const n = rows * u;
  const [gates, cPrev, c, tc, h] = [f32(gp, 4 * n), f32(cpp, n), f32(cp, n), f32(tcp, n), f32(hp, n)];
  for (let b = 0; b < rows; b++) {
    for (let j = 0; j < u; j++) {
      const row = b * 4 * u + j;
      const k = b * u + j;
      const i = gates[row]!;
      const g = 2 * gates[row + 2 * u]! - 1;
      // C_t is rounded to float32 as tfjs stores it, before tanh(C_t) is taken.
      const ck = Math.fround(gates[row + u]! * cPrev[k]! + i * g);
      c[k] = ck;
      const t = tanh(ck);
      tc[k] = t;
      h[k] = gates[row + 3 * u]! * t;
    }
  }
}

/** {@link Scratch.input} in TypeScript, on views `f32` makes. */
function inputJs(f32: Scratch['f32'], ...args: InputArgs): void {
  const [ap, hp, mp, xp, xStride, np, tp, rowStride, rows, u, inputDim] = args;
  const width = u + inputDim;
  const [a, hPrev, mask, inMask] = [
    f32(ap, rows * width),
    f32(hp, rows * u),
    f32(mp, rows * u),
    f32(np, rows * inputDim),
  ];
  const x = f32(xp, (rows - 1) * xStride + inputDim);
  const inputsT = f32(tp, (width - 1) * rowStride + rows);
  for (let b = 0; b < rows; b++) {
    for (let j = 0; j < u; j++) a[b * width + j] = hPrev[b * u + j]! * mask[b * u + j]!;
    for (let j = 0; j < inputDim; j++) a[b * width + u + j] = x[b * xStride + j]! * inMask[b * inputDim + j]!;
  }
  for (let j = 0; j < width; j++) {
    for (let b = 0; b < rows; b++) inputsT[j * rowStride + b] = a[b * width + j]!;
  }
}

/** {@link Scratch.rowGates} in TypeScript, on views `f32` and `i32` make; σ(z) = (1 + tanh(z / 2)) / 2, as the SIMD version. */
function rowGatesJs(f32: Scratch['f32'], i32v: Scratch['i32'], ...args: RowGatesArgs): void {
  const [gp, pp, tp, ip, rows, u] = args;
  const g4 = 4 * u;
  const [gates, product, ids] = [f32(gp, rows * g4), f32(pp, rows * g4), i32v(ip, rows)];
  for (let b = 0; b < rows; b++) {
    const row = f32(tp + 4 * g4 * ids[b]!, g4);
    for (let j = 0; j < g4; j++) gates[b * g4 + j] = 0.5 + 0.5 * tanh(0.5 * (product[b * g4 + j]! + row[j]!));
  }
}

/** {@link Scratch.addRows} in TypeScript, on views `f32` and `i32` make. */
function addRowsJs(f32: Scratch['f32'], i32v: Scratch['i32'], ...args: AddRowsArgs): void {
  const [tp, sp, ip, rows, width] = args;
  const [src, ids] = [f32(sp, rows * width), i32v(ip, rows)];
  for (let r = 0; r < rows; r++) {
    const row = f32(tp + 4 * width * ids[r]!, width);
    for (let j = 0; j < width; j++) row[j] = row[j]! + src[r * width + j]!;
  }
}

/** {@link Scratch.output} in TypeScript, on views `f32` makes. */
function outputJs(f32: Scratch['f32'], ...args: OutputArgs): void {
  const [bp, hp, xp, dxStride, np, rows, u, inputDim] = args;
  const width = u + inputDim;
  const [back, dhRec, inMask] = [f32(bp, rows * width), f32(hp, rows * u), f32(np, rows * inputDim)];
  const dx = f32(xp, (rows - 1) * dxStride + inputDim);
  for (let b = 0; b < rows; b++) {
    for (let j = 0; j < u; j++) dhRec[b * u + j] = back[b * width + j]!;
    for (let j = 0; j < inputDim; j++) dx[b * dxStride + j] = back[b * width + u + j]! * inMask[b * inputDim + j]!;
  }
}

/** {@link Scratch.backward} in TypeScript, on views `f32` makes. */
function backwardJs(f32: Scratch['f32'], ...args: BackwardArgs): void {
  const [gp, tcp, cpp, dyp, dhp, mp, dcnp, dcpp, dzp, rows, u] = args;
  const n = rows * u;
  const [gates, tc, cPrev, dy, dhRec, mask] = [
    f32(gp, 4 * n),
    f32(tcp, n),
    f32(cpp, n),
    f32(dyp, n),
    f32(dhp, n),
    f32(mp, n),
  ];
  const [dcNext, dcPrev, dz] = [f32(dcnp, n), f32(dcpp, n), f32(dzp, 4 * n)];
  for (let b = 0; b < rows; b++) {
    for (let j = 0; j < u; j++) {
      const row = b * 4 * u + j;
      const k = b * u + j;
      const dh = dy[k]! + dhRec[k]! * mask[k]!;
      const i = gates[row]!;
      const f = gates[row + u]!;
      const g = 2 * gates[row + 2 * u]! - 1;
      const o = gates[row + 3 * u]!;
      const t = tc[k]!;
      const dc = dcNext[k]! + dh * o * (1 - t * t);
      dcPrev[k] = dc * f;
      dz[row] = dc * g * i * (1 - i);
      dz[row + u] = dc * cPrev[k]! * f * (1 - f);
      dz[row + 2 * u] = dc * i * (1 - g * g);
      dz[row + 3 * u] = dh * t * o * (1 - o);
    }
  }
}

// ---------------------------------------------------------------------------------------------

const ONE = f32x4(1);

/**
 * A loop over the `rows x units` block of a step, four units at a time: `body` runs with local
 * S = the byte offset of the four in a `[rows, u]` array and G = their byte offset in a
 * `[rows, 4u]` gate array (the first block; U4, U8 and U12 hold 4u, 8u and 12u, the byte offsets
 * of the other three). Locals 0 to `params - 1` are the parameters, the last two rows and u.
 */
function stepLoop(
  params: number,
  body: (l: { S: number; G: number; U4: number; U8: number; U12: number }) => Code,
): {
  code: Code;
  i32Locals: number;
} {
  const [S, G, J, END, U4, U8, U12] = [params, params + 1, params + 2, params + 3, params + 4, params + 5, params + 6];
  const [ROWS, UNITS] = [params - 2, params - 1];
  const code = [
    ...set(U4, [...get(UNITS), ...i32(2), 0x74]), // u * 4 bytes (shl 2)
    ...set(U8, add32(get(U4), get(U4))),
    ...set(U12, add32(get(U8), get(U4))),
    ...set(END, [...get(ROWS), ...get(U4), 0x6c]), // rows * u * 4 (i32.mul)
    ...[0x02, 0x40, 0x03, 0x40], // block, loop: over rows
    ...[...get(S), ...get(END), 0x4f, 0x0d, 1], // leave once S >= END
    ...set(J, i32(0)),
    ...[0x02, 0x40, 0x03, 0x40], // block, loop: over units, four at a time
    ...[...get(J), ...get(U4), 0x4f, 0x0d, 1], // leave once J >= 4u
    ...body({ S, G, U4, U8, U12 }),
    ...[S, G, J].flatMap((l) => set(l, add32(get(l), i32(16)))),
    ...[0x0c, 0, 0x0b, 0x0b], // next four units; end loop, block
    ...set(G, add32(get(G), get(U12))), // past the row's other three gate blocks
    ...[0x0c, 0, 0x0b, 0x0b], // next row; end loop, block
  ];
  return { code, i32Locals: 7 };
}

/**
 * tanh(c) for the four lanes of `c` (a local), using locals `x`, `n`, `r`:
 * tanh(c) = sign(c) (1 - 2 / (e^{2|c|} + 1)) with |c| clamped to 9 (where tanh is 1 in float32),
 * e^y = 2^n e^r for n the nearest integer to y / ln 2, and e^r by its Taylor series to r^6
 * (|r| <= ln 2 / 2: error about 1e-7). Absolute error about 3e-7.
 *
 * Only instructions that are one machine instruction each on x86 (V8): the clamp is pmin (not
 * min, whose NaN and -0 rules take several), and n comes by the float trick k = y / ln 2 + 1.5 *
 * 2^23, whose rounding leaves n in k's low bits, so that 2^n is (bits(k) - bits(1.5 * 2^23) +
 * 127) << 23 (no nearest, and no float-to-int conversion with its saturation checks): about a
 * third faster than with them.
 */
function tanhCode(c: number, x: number, n: number, r: number): Code {
  const magic = 1.5 * 2 ** 23;
  const magicBits = 0x4b400000;
  const taylor = [1 / 720, 1 / 120, 1 / 24, 1 / 6, 1 / 2, 1, 1].reduce<Code>(
    (acc, k, index) => (index === 0 ? f32x4(k) : add(mul(acc, get(r)), f32x4(k))),
    [],
  );
  // 2^n from k's bits: i32x4.add then i32x4.shl.
  const exp2n = [...get(n), ...i32x4(127 - magicBits), 0xfd, ...uleb(0xae), ...i32(23), 0xfd, ...uleb(0xab)];
  const e = mul(taylor, exp2n);
  const t = sub(ONE, div(f32x4(2), add(e, ONE)));
  return [
    ...set(x, simdOp(0xea, simdOp(0xe0, get(c)), f32x4(9))), // pmin(|c|, 9)
    ...set(x, add(get(x), get(x))), // y = 2|c|
    ...set(n, add(mul(get(x), f32x4(1 / Math.LN2)), f32x4(magic))), // k
    ...set(r, sub(get(x), mul(sub(get(n), f32x4(magic)), f32x4(Math.LN2)))), // y - n ln 2
    ...simdOp(0x50, simdOp(0x4e, get(c), i32x4(-0x80000000)), t), // (c & sign bit) | t
  ];
}

/** The module: `forward` and `backward` of {@link Scratch}, on the memory it imports as env.memory. */
export function cellWasmBytes(): Uint8Array {
  // forward(gates, cPrev, c, tc, h, rows, u)
  const fwd = stepLoop(7, ({ S, G, U4, U8, U12 }) => {
    const [I, C, T, X, N, R] = [14, 15, 16, 17, 18, 19];
    const g = sub(mul(f32x4(2), load(at(0, G, U8))), ONE);
    return [
      ...set(I, load(at(0, G))),
      // C_t = f C_{t-1} + i C~
      ...set(C, add(mul(load(at(0, G, U4)), load(at(1, S))), mul(get(I), g))),
      ...store(at(2, S), get(C)),
      ...set(T, tanhCode(C, X, N, R)),
      ...store(at(3, S), get(T)),
      ...store(at(4, S), mul(load(at(0, G, U12)), get(T))), // h_t = o tanh(C_t)
    ];
  });
  // backward(gates, tc, cPrev, dy, dhRec, mask, dcNext, dcPrev, dz, rows, u)
  const bwd = stepLoop(11, ({ S, G, U4, U8, U12 }) => {
    const [DH, I, F, GT, O, T, DC] = [18, 19, 20, 21, 22, 23, 24];
    return [
      ...set(DH, add(load(at(3, S)), mul(load(at(4, S)), load(at(5, S))))), // dy + dhRec m
      ...set(I, load(at(0, G))),
      ...set(F, load(at(0, G, U4))),
      ...set(GT, sub(mul(f32x4(2), load(at(0, G, U8))), ONE)),
      ...set(O, load(at(0, G, U12))),
      ...set(T, load(at(1, S))),
      // dC = dC_next + dh o (1 - tanh²)
      ...set(DC, add(load(at(6, S)), mul(get(DH), get(O), sub(ONE, mul(get(T), get(T)))))),
      ...store(at(7, S), mul(get(DC), get(F))),
      ...store(at(8, G), mul(get(DC), get(GT), get(I), sub(ONE, get(I)))),
      ...store(at(8, G, U4), mul(get(DC), load(at(2, S)), get(F), sub(ONE, get(F)))),
      ...store(at(8, G, U8), mul(get(DC), get(I), sub(ONE, mul(get(GT), get(GT))))),
      ...store(at(8, G, U12), mul(get(DH), get(T), get(O), sub(ONE, get(O)))),
    ];
  });
  // input(a, hPrev, mask, x, xStride, inMask, inputsT, rowStride, rows, u, inputDim): strides in floats.
  const inp = (() => {
    const [A, H, M, X, XS, NM, T, RS, ROWS, UN, DIN] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const [B, J, W4, U4, D4, AROW, HROW, XROW, NROW, RS4, TP, AP] = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
    const code = [
      ...set(U4, bytes(UN)),
      ...set(D4, bytes(DIN)),
      ...set(W4, add32(get(U4), get(D4))),
      ...forLoop(B, get(ROWS), 1, [
        ...set(AROW, add32(get(A), mul32(get(B), get(W4)))),
        ...set(HROW, mul32(get(B), get(U4))),
        ...set(XROW, add32(get(X), mul32(get(B), bytes(XS)))),
        ...set(NROW, add32(get(NM), mul32(get(B), get(D4)))),
        // a[b, :u] = h_{t-1} m
        ...forLoop(J, get(U4), 16, store(at(AROW, J), mul(load(at(H, HROW, J)), load(at(M, HROW, J))))),
        // a[b, u:] = x_t n
        ...forLoop(J, get(D4), 16, store(at(AROW, U4, J), mul(load(at(XROW, J)), load(at(NROW, J))))),
      ]),
      // inputsT[j, b] = a[b, j], one number at a time, walking a row of inputsT and a column of a.
      ...set(RS4, bytes(RS)),
      ...forLoop(J, [...get(W4), ...i32(2), 0x76], 1, [
        ...set(TP, add32(get(T), mul32(get(J), get(RS4)))),
        ...set(AP, add32(get(A), bytes(J))),
        ...forLoop(B, get(ROWS), 1, [
          ...storeF32(get(TP), loadF32(get(AP))),
          ...set(TP, add32(get(TP), i32(4))),
          ...set(AP, add32(get(AP), get(W4))),
        ]),
      ]),
    ];
    return { code, i32Locals: 12 };
  })();
  // output(back, dhRec, dx, dxStride, inMask, rows, u, inputDim): stride in floats.
  const out = (() => {
    const [BK, H, DX, XS, NM, ROWS, UN, DIN] = [0, 1, 2, 3, 4, 5, 6, 7];
    const [B, J, W4, U4, D4, BROW, HROW, XROW, NROW] = [8, 9, 10, 11, 12, 13, 14, 15, 16];
    const code = [
      ...set(U4, bytes(UN)),
      ...set(D4, bytes(DIN)),
      ...set(W4, add32(get(U4), get(D4))),
      ...forLoop(B, get(ROWS), 1, [
        ...set(BROW, add32(get(BK), mul32(get(B), get(W4)))),
        ...set(HROW, add32(get(H), mul32(get(B), get(U4)))),
        ...set(XROW, add32(get(DX), mul32(get(B), bytes(XS)))),
        ...set(NROW, add32(get(NM), mul32(get(B), get(D4)))),
        ...forLoop(J, get(U4), 16, store(at(HROW, J), load(at(BROW, J)))),
        ...forLoop(J, get(D4), 16, store(at(XROW, J), mul(load(at(BROW, U4, J)), load(at(NROW, J))))),
      ]),
    ];
    return { code, i32Locals: 9 };
  })();
  // rowGates(gates, product, table, ids, rows, u): σ(z) = 1/2 + tanh(z / 2) / 2.
  const rg = (() => {
    const [GT, PR, TB, IDS, ROWS, UN] = [0, 1, 2, 3, 4, 5];
    const [B, J, G4, ROW, TROW] = [6, 7, 8, 9, 10];
    const half = f32x4(0.5);
    // Eight numbers an iteration, as two independent runs of four (bytes 0 and 16 past J): the
    // processor overlaps their long chains of dependent operations (about twice as fast).
    const lanes = ([Z, X, N, R]: number[], offset: number) => [
      ...set(Z!, mul(add(load(at(PR, ROW, J), offset), load(at(TROW, J), offset)), half)),
      ...store(at(GT, ROW, J), add(half, mul(half, tanhCode(Z!, X!, N!, R!))), offset),
    ];
    const code = [
      ...set(G4, mul32(bytes(UN), i32(4))),
      ...forLoop(B, get(ROWS), 1, [
        ...set(ROW, mul32(get(B), get(G4))),
        // The table's row of this sequence's id: i32.load of ids[b].
        ...set(TROW, add32(get(TB), mul32([...add32(get(IDS), bytes(B)), 0x28, 2, 0], get(G4)))),
        ...forLoop(J, get(G4), 32, [...lanes([11, 12, 13, 14], 0), ...lanes([15, 16, 17, 18], 16)]),
      ]),
    ];
    return { code, i32Locals: 5 };
  })();
  // addRows(table, src, ids, rows, width)
  const ar = (() => {
    const [TB, SRC, IDS, ROWS, WD] = [0, 1, 2, 3, 4];
    const [R, J, W4, SROW, TROW] = [5, 6, 7, 8, 9];
    const code = [
      ...set(W4, bytes(WD)),
      ...forLoop(R, get(ROWS), 1, [
        ...set(SROW, add32(get(SRC), mul32(get(R), get(W4)))),
        ...set(TROW, add32(get(TB), mul32([...add32(get(IDS), bytes(R)), 0x28, 2, 0], get(W4)))),
        ...forLoop(J, get(W4), 16, store(at(TROW, J), add(load(at(TROW, J)), load(at(SROW, J))))),
      ]),
    ];
    return { code, i32Locals: 5 };
  })();
  const params = (n: number) => new Array<number>(n).fill(I32);
  return wasmModule([
    { name: 'forward', params: params(7), i32Locals: fwd.i32Locals, v128Locals: 6, code: fwd.code },
    { name: 'backward', params: params(11), i32Locals: bwd.i32Locals, v128Locals: 7, code: bwd.code },
    { name: 'input', params: params(11), i32Locals: inp.i32Locals, v128Locals: 0, code: inp.code },
    { name: 'output', params: params(8), i32Locals: out.i32Locals, v128Locals: 0, code: out.code },
    { name: 'rowGates', params: params(6), i32Locals: rg.i32Locals, v128Locals: 8, code: rg.code },
    { name: 'addRows', params: params(5), i32Locals: ar.i32Locals, v128Locals: 0, code: ar.code },
  ]);
}

// ---------------------------------------------------------------------------------------------

const PAGE = 65536;

/** Makes the scratch memory and its step functions, in WebAssembly SIMD where this engine has it. */
function makeScratch(): Scratch {
  const memory = new WebAssembly.Memory({ initial: 16 });
  // A bump allocator with free lists by size. When nothing is taken any more (the usual state
  // between batches) it starts again from the bottom, so that the memory stays as large as the
  // most ever taken at once, whatever sizes the calls ask for.
  let top = 16; // offset 0 stays unused
  let live = 0;
  const free = new Map<number, number[]>();
  interface Steps {
    forward(...args: ForwardArgs): void;
    backward(...args: BackwardArgs): void;
    input(...args: InputArgs): void;
    output(...args: OutputArgs): void;
    rowGates(...args: RowGatesArgs): void;
    addRows(...args: AddRowsArgs): void;
  }
  let wasm: Steps | null = null;
  try {
    const module = new WebAssembly.Module(cellWasmBytes() as BufferSource);
    wasm = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Steps;
  } catch {
    // No WebAssembly SIMD here: the TypeScript versions run instead.
  }
  const f32: Scratch['f32'] = (offset, size) => new Float32Array(memory.buffer, offset, size);
  const i32v: Scratch['i32'] = (offset, size) => new Int32Array(memory.buffer, offset, size);
  return {
    simd: wasm !== null,
    get taken() {
      return live;
    },
    take(size) {
      live++;
      const bytes = Math.ceil(size / 4) * 16; // 16-byte aligned for the SIMD loads
      const reused = free.get(bytes)?.pop();
      if (reused !== undefined) return reused;
      const offset = top;
      top += bytes;
      if (top > memory.buffer.byteLength) memory.grow(Math.ceil((top - memory.buffer.byteLength) / PAGE));
      return offset;
    },
    giveBack(offset, size) {
      if (--live === 0) {
        top = 16;
        free.clear();
        return;
      }
      const bytes = Math.ceil(size / 4) * 16;
      const list = free.get(bytes) ?? [];
      free.set(bytes, list);
      list.push(offset);
    },
    f32,
    i32: i32v,
    forward(step) {
      if (wasm && step.units % 4 === 0) wasm.forward(...forwardArgs(step));
      else forwardJs(f32, ...forwardArgs(step));
    },
    backward(step) {
      if (wasm && step.units % 4 === 0) wasm.backward(...backwardArgs(step));
      else backwardJs(f32, ...backwardArgs(step));
    },
    input(step) {
      if (wasm && step.units % 4 === 0 && step.inputDim % 4 === 0) wasm.input(...inputArgs(step));
      else inputJs(f32, ...inputArgs(step));
    },
    output(step) {
      if (wasm && step.units % 4 === 0 && step.inputDim % 4 === 0) wasm.output(...outputArgs(step));
      else outputJs(f32, ...outputArgs(step));
    },
    rowGates(step) {
      if (wasm && step.units % 4 === 0) wasm.rowGates(...rowGatesArgs(step));
      else rowGatesJs(f32, i32v, ...rowGatesArgs(step));
    },
    addRows(step) {
      if (wasm && step.width % 4 === 0) wasm.addRows(...addRowsArgs(step));
      else addRowsJs(f32, i32v, ...addRowsArgs(step));
    },
  };
}

let shared: Scratch | null = null;

/** The scratch memory all fused layers share (made on first use). */
export function scratch(): Scratch {
  shared ??= makeScratch();
  return shared;
}

/** A scratch memory of its own, with the TypeScript step functions forced when `simd` is false (for tests). */
export function newScratch({ simd = true } = {}): Scratch {
  const made = makeScratch();
  if (simd) return made;
  return {
    take: made.take,
    giveBack: made.giveBack,
    f32: made.f32,
    i32: made.i32,
    get taken() {
      return made.taken;
    },
    simd: false,
    forward: (step) => forwardJs(made.f32, ...forwardArgs(step)),
    input: (step) => inputJs(made.f32, ...inputArgs(step)),
    output: (step) => outputJs(made.f32, ...outputArgs(step)),
    backward: (step) => backwardJs(made.f32, ...backwardArgs(step)),
    rowGates: (step) => rowGatesJs(made.f32, made.i32, ...rowGatesArgs(step)),
    addRows: (step) => addRowsJs(made.f32, made.i32, ...addRowsArgs(step)),
  };
}
