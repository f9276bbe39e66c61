/**
 * A few WebAssembly instructions as functions that return their bytes, nested like the maths
 * they compute, and the frame of a module around them: enough to write the kit's small SIMD
 * kernels (one-pass-adam.ts, fused-cell.ts, segment-sum.ts) by hand, with no compiler in the build.
 *
 * Each kernel is a loop over float32 arrays four lanes at a time (`v128`), in a memory the module
 * imports as `env.memory`. Addresses are byte offsets; locals are numbered, parameters first.
 */

/** Bytes of code. */
export type Code = number[];

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

/** An unsigned LEB128 number. */
export function uleb(n: number): Code {
  const out: Code = [];
  do {
    const byte = n & 0x7f;
    n >>>= 7;
    out.push(n ? byte | 0x80 : byte);
  } while (n);
  return out;
}

/** A signed LEB128 number. */
function sleb(n: number): Code {
  const out: Code = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(byte & 0x40)) || (n === -1 && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

/** A SIMD instruction (prefix 0xfd) applied to the values `args` push. */
export const simdOp = (code: number, ...args: Code[]): Code => [...args.flat(), 0xfd, ...uleb(code)];
export const get = (local: number): Code => [0x20, local];
export const set = (local: number, value: Code): Code => [...value, 0x21, local];
/** Sets a local and leaves the value on the stack too. */
export const tee = (local: number, value: Code): Code => [...value, 0x22, local];
export const i32 = (n: number): Code => [0x41, ...sleb(n)];
export const add32 = (a: Code, b: Code): Code => [...a, ...b, 0x6a];
export const mul32 = (a: Code, b: Code): Code => [...a, ...b, 0x6c];
/** `local * 4`: a count of floats in bytes. */
export const bytes = (local: number): Code => [...get(local), ...i32(2), 0x74];
/** The address `pointer + offset` (locals), plus `extra` (a local) when given. */
export const at = (pointer: number, offset: number, extra?: number): Code =>
  extra === undefined ? add32(get(pointer), get(offset)) : add32(add32(get(pointer), get(offset)), get(extra));
/** `for (i = 0; i < end; i += step) body`, with `i` a local (unsigned comparison). */
export const forLoop = (i: number, end: Code, step: number, body: Code): Code => [
  ...set(i, i32(0)),
  ...[0x02, 0x40, 0x03, 0x40], // block, loop
  ...[...get(i), ...end, 0x4f, 0x0d, 1], // leave once i >= end
  ...body,
  ...set(i, add32(get(i), i32(step))),
  ...[0x0c, 0, 0x0b, 0x0b], // again; end loop, block
];
/** One float32 at an address (4-byte alignment hint). */
export const loadF32 = (address: Code): Code => [...address, 0x2a, 2, 0];
export const storeF32 = (address: Code, value: Code): Code => [...address, ...value, 0x38, 2, 0];
/**
 * Four float32 at an address, plus `offset` bytes (a constant in the instruction). The alignment
 * is a hint: any address works.
 */
export const load = (address: Code, offset = 0): Code => [...address, 0xfd, 0x00, 4, ...uleb(offset)];
export const store = (address: Code, value: Code, offset = 0): Code => [
  ...address,
  ...value,
  0xfd,
  0x0b,
  4,
  ...uleb(offset),
];
export const add = (a: Code, b: Code) => simdOp(0xe4, a, b);
export const sub = (a: Code, b: Code) => simdOp(0xe5, a, b);
/** The product of two or more, left to right. */
export const mul = (...xs: Code[]): Code => xs.slice(1).reduce((acc, x) => simdOp(0xe6, acc, x), xs[0]!);
export const div = (a: Code, b: Code) => simdOp(0xe7, a, b);
export const sqrt = (a: Code) => simdOp(0xe3, a);
/** Four copies of a float32 constant. */
export const f32x4 = (x: number): Code => [0xfd, 0x0c, ...new Uint8Array(new Float32Array([x, x, x, x]).buffer)];
/** Four copies of an int32 constant. */
export const i32x4 = (x: number): Code => [0xfd, 0x0c, ...new Uint8Array(new Int32Array([x, x, x, x]).buffer)];
/** Four copies of a float32 parameter or local. */
export const splat = (local: number): Code => simdOp(0x13, get(local));

/** One exported function: its parameters' value types, its extra locals, its code. */
export interface WasmFunction {
  name: string;
  params: number[];
  i32Locals: number;
  v128Locals: number;
  code: Code;
}

/**
 * The bytes of a module of `functions` (no results) on a memory it imports as `env.memory`: a
 * shared memory (the threaded WASM backend's) must state the same kind and a maximum, here the
 * 4 GiB tfjs asks for.
 */
export function wasmModule(functions: WasmFunction[], { shared = false } = {}): Uint8Array {
  const name = (s: string) => [s.length, ...Array.from(s, (ch) => ch.charCodeAt(0))];
  const section = (id: number, content: Code) => [id, ...uleb(content.length), ...content];
  const vec = (items: Code[]) => [...uleb(items.length), ...items.flat()];
  const body = (f: WasmFunction) => {
    const code = [2, ...uleb(f.i32Locals), I32, ...uleb(f.v128Locals), V128, ...f.code, 0x0b];
    return [...uleb(code.length), ...code];
  };
  const limits = shared ? [0x03, 0, ...uleb(65536)] : [0x00, 0];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0], // "\0asm", version 1
    ...section(1, vec(functions.map((f) => [0x60, ...uleb(f.params.length), ...f.params, 0]))), // one type each
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, ...limits]),
    ...section(3, vec(functions.map((_, k) => uleb(k)))), // function k of type k
    ...section(7, vec(functions.map((f, k) => [...name(f.name), 0x00, ...uleb(k)]))),
    ...section(10, vec(functions.map(body))),
  ]);
}
