/**
 * The fused layer's step arithmetic (fused-cell.ts): its WebAssembly SIMD functions against their
 * TypeScript twins on the same seeded numbers, the SIMD tanh against Math.tanh, and the scratch
 * memory's bookkeeping. The layer as a whole is tested against tf.layers.lstm in
 * lstm-fused.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { cellWasmBytes, newScratch, type Scratch } from '../../src/lstm/fast/fused-cell';
import { mulberry32 } from '../../src/lstm/cell/random';

const ROWS = 3;
const U = 8;
const D = 12;
const W = U + D;

/** Takes each array of `sizes` in `mem` and fills it with seeded numbers on [-scale, scale]. */
function arrays(mem: Scratch, sizes: Record<string, number>, seed: number, scale = 2): Record<string, number> {
  const rand = mulberry32(seed);
  const at = Object.fromEntries(Object.entries(sizes).map(([k, size]) => [k, mem.take(size)]));
  for (const [k, size] of Object.entries(sizes)) {
    mem.f32(at[k]!, size).forEach((_, i, a) => (a[i] = (2 * rand() - 1) * scale));
  }
  return at;
}

/** Largest |a - b|. */
function maxDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!));
  return m;
}

/** Runs `step` on the same seeded arrays in a SIMD scratch and a TypeScript one; returns both. */
function twin(sizes: Record<string, number>, step: (mem: Scratch, at: Record<string, number>) => void) {
  const [simd, js] = [newScratch(), newScratch({ simd: false })];
  const [a, b] = [arrays(simd, sizes, 7), arrays(js, sizes, 7)];
  // Gates are sigmoid outputs, in (0, 1).
  if (sizes['gates']) {
    for (const [mem, at] of [
      [simd, a],
      [js, b],
    ] as const) {
      mem.f32(at['gates']!, sizes['gates']).forEach((v, i, arr) => (arr[i] = 0.5 + v / 4.5));
    }
  }
  step(simd, a);
  step(js, b);
  return (name: string) => maxDiff(simd.f32(a[name]!, sizes[name]!), js.f32(b[name]!, sizes[name]!));
}

describe('the fused cell in WebAssembly SIMD', () => {
  it('is a valid module, and runs here', () => {
    expect(WebAssembly.validate(cellWasmBytes() as BufferSource)).toBe(true);
    expect(newScratch().simd).toBe(true);
    expect(newScratch({ simd: false }).simd).toBe(false);
  });

  it('updates the cell as the TypeScript version does', () => {
    const n = ROWS * U;
    const diff = twin({ gates: 4 * n, cPrev: n, c: n, tc: n, h: n }, (mem, at) =>
      mem.forward({
        gates: at['gates']!,
        cPrev: at['cPrev']!,
        c: at['c']!,
        tc: at['tc']!,
        h: at['h']!,
        rows: ROWS,
        units: U,
      }),
    );
    for (const name of ['c', 'tc', 'h']) expect(diff(name), name).toBeLessThan(1e-6);
  });

  it('computes the gate gradients as the TypeScript version does', () => {
    const n = ROWS * U;
    const sizes = { gates: 4 * n, tc: n, cPrev: n, dy: n, dhRec: n, mask: n, dcNext: n, dcPrev: n, dz: 4 * n };
    const diff = twin(sizes, (mem, at) => {
      const p = (k: keyof typeof sizes) => at[k]!;
      mem.backward({
        gates: p('gates'),
        tc: p('tc'),
        cPrev: p('cPrev'),
        dy: p('dy'),
        dhRec: p('dhRec'),
        mask: p('mask'),
        dcNext: p('dcNext'),
        dcPrev: p('dcPrev'),
        dz: p('dz'),
        rows: ROWS,
        units: U,
      });
    });
    expect(diff('dcPrev')).toBeLessThan(1e-5);
    expect(diff('dz')).toBeLessThan(1e-5);
  });

  it('builds a step input and its transposed record, and splits a step gradient, as TypeScript does', () => {
    const n = ROWS * U;
    const [time, column] = [4, 2];
    const sizes = {
      a: ROWS * W,
      hPrev: n,
      mask: n,
      x: ROWS * time * D,
      inMask: ROWS * D,
      inputsT: W * ROWS * time,
      back: ROWS * W,
      dhRec: n,
      dx: ROWS * time * D,
    };
    const diff = twin(sizes, (mem, at) => {
      const [x, inputsT] = [at['x']! + 4 * column * D, at['inputsT']! + 4 * column * ROWS];
      mem.input({
        a: at['a']!,
        hPrev: at['hPrev']!,
        mask: at['mask']!,
        x,
        xStride: time * D,
        inMask: at['inMask']!,
        inputsT,
        rowStride: ROWS * time,
        rows: ROWS,
        units: U,
        inputDim: D,
      });
      mem.output({
        back: at['back']!,
        dhRec: at['dhRec']!,
        dx: at['dx']! + 4 * column * D,
        dxStride: time * D,
        inMask: at['inMask']!,
        rows: ROWS,
        units: U,
        inputDim: D,
      });
    });
    for (const name of ['a', 'inputsT', 'dhRec', 'dx']) expect(diff(name), name).toBe(0);
  });

  it('adds rows into a table by index as the TypeScript version does, and as a direct sum', () => {
    const [rows, width, tableRows] = [7, 16, 3];
    // Indices with repeats, the same in both scratch memories (ids is overwritten after the seeded fill).
    const ids = [2, 0, 2, 1, 2, 0, 2];
    let src: Float32Array | null = null;
    let before: Float32Array | null = null;
    const diff = twin({ table: tableRows * width, src: rows * width, ids: rows }, (mem, at) => {
      mem.i32(at['ids']!, rows).set(ids);
      src = mem.f32(at['src']!, rows * width).slice();
      before = mem.f32(at['table']!, tableRows * width).slice();
      mem.addRows({ table: at['table']!, src: at['src']!, ids: at['ids']!, rows, width });
    });
    expect(diff('table')).toBeLessThan(1e-6);
    // Against the sum written out, in the TypeScript scratch (the last one `twin` ran).
    const js = newScratch({ simd: false });
    const at = { table: js.take(tableRows * width), src: js.take(rows * width), ids: js.take(rows) };
    js.f32(at.table, tableRows * width).set(before!);
    js.f32(at.src, rows * width).set(src!);
    js.i32(at.ids, rows).set(ids);
    js.addRows({ ...at, rows, width });
    const want = Float32Array.from(before!);
    ids.forEach((id, r) => {
      for (let j = 0; j < width; j++) want[id * width + j]! += src![r * width + j]!;
    });
    expect(maxDiff(js.f32(at.table, tableRows * width), want)).toBeLessThan(1e-6);
  });

  it('takes tanh within 3e-7 of Math.tanh, from -20 to 20', () => {
    const mem = newScratch();
    const rows = 1024;
    const n = rows * 4;
    const [gates, cPrev, c, tc, h] = [mem.take(4 * n), mem.take(n), mem.take(n), mem.take(n), mem.take(n)];
    // i = 0, f = 1: C_t = C_{t-1}, so tanh(C_t) is tanh of the numbers put in.
    const g = mem.f32(gates, 4 * n);
    for (let r = 0; r < rows; r++) g.set([0, 0, 0, 0, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1], 16 * r);
    mem.f32(cPrev, n).forEach((_, i, a) => (a[i] = -20 + (40 * i) / n + 1e-3));
    mem.forward({ gates, cPrev, c, tc, h, rows, units: 4 });
    const [cs, tcs] = [mem.f32(c, n), mem.f32(tc, n)];
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(tcs[i]! - Math.tanh(cs[i]!)));
    expect(worst).toBeLessThan(3e-7);
  });
});

describe('the scratch memory', () => {
  it('gives the same room back for the same size, and grows without losing numbers', () => {
    const mem = newScratch();
    const held = mem.take(8);
    const first = mem.take(100);
    mem.f32(first, 100).fill(3);
    mem.giveBack(first, 100);
    expect(mem.take(100)).toBe(first);
    expect(first % 16).toBe(0);
    // Far more than the initial memory: it grows, and views made afterwards see the old numbers.
    const big = mem.take(4_000_000);
    mem.f32(big, 4_000_000).fill(1);
    expect(mem.f32(first, 100).every((v) => v === 3)).toBe(true);
    expect(big).toBeGreaterThan(first);
    // Once everything is given back, it starts again from the bottom.
    [
      [held, 8],
      [first, 100],
      [big, 4_000_000],
    ].forEach(([offset, size]) => mem.giveBack(offset!, size!));
    expect(mem.take(4_000_000)).toBe(held);
  });
});
