/**
 * The LSTM cell diagram of chapter 2 as an SVG built once and restyled on every update: the
 * cell-state belt along the top, the three sigmoid gates and the tanh candidate, the pointwise
 * × and +, and every wire's live value shown by its thickness (size) and colour (sign).
 */
import { fmt } from '../kit/format';
import type { OneUnitCell, OneUnitReading } from '../../lstm/cell/one-unit';
import { LSTM_CELL_WORDS } from './lstm-cell.words';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}

/**
 * Text with TeX-like subscripts, `C_{t−1}` or `x_1`, as SVG tspans; returns the text element and
 * a tspan for the live value after the name.
 */
function label(name: string, x: number, y: number, anchor: 'start' | 'middle' | 'end', cls = 'lbl') {
  const text = svg('text', { x, y, 'text-anchor': anchor, class: cls });
  for (const part of name.split(/(_\{[^}]*\}|_[^{])/)) {
    if (!part) continue;
    if (part.startsWith('_')) {
      const sub = part.startsWith('_{') ? part.slice(2, -1) : part.slice(1);
      text.append(svg('tspan', { class: 'sub', 'baseline-shift': 'sub' }, sub));
    } else text.append(part);
  }
  const value = svg('tspan', { class: 'val' });
  text.append(value);
  return { text, value };
}

/** The wires whose values the diagram shows. */
type WireId =
  | 'cPrev'
  | 'kept'
  | 'cNew'
  | 'cTap'
  | 'tanhC'
  | 'h'
  | 'f'
  | 'i'
  | 'cTilde'
  | 'written'
  | 'o'
  | 'hPrev'
  | 'x1'
  | 'x2'
  | 'zf'
  | 'zi'
  | 'zc'
  | 'zo';

interface WireSpec {
  id: WireId;
  /** SVG path in the 760 × 370 view box. */
  d: string;
  /** The magnitude drawn at full thickness. */
  scale: number;
  /** Name and where to print it with the value; none for wires whose value is printed elsewhere. */
  label?: { name: string; x: number; y: number; anchor: 'start' | 'middle' | 'end'; small?: boolean };
}

// Belt at y = 60, gate boxes centred at y = 220, the input bus along y = 290..314.
const GATE_X = { f: 200, i: 300, c: 380, o: 480 } as const;
const BOX = { w: 52, h: 36, y: 202 };

const WIRES: WireSpec[] = [
  { id: 'cPrev', d: 'M 0 60 H 186', scale: 3, label: { name: 'C_{t−1}', x: 6, y: 44, anchor: 'start' } },
  { id: 'kept', d: 'M 214 60 H 366', scale: 3, label: { name: 'f·C_{t−1}', x: 290, y: 44, anchor: 'middle' } },
  { id: 'cNew', d: 'M 394 60 H 738', scale: 3, label: { name: 'C_t', x: 680, y: 44, anchor: 'middle' } },
  { id: 'cTap', d: 'M 600 60 V 116', scale: 3 },
  { id: 'tanhC', d: 'M 600 144 V 206', scale: 1, label: { name: 'tanh C_t', x: 612, y: 180, anchor: 'start' } },
  { id: 'h', d: 'M 614 220 H 738', scale: 1, label: { name: 'h_t', x: 680, y: 206, anchor: 'middle' } },
  { id: 'f', d: `M ${GATE_X.f} ${BOX.y} V 74`, scale: 1, label: { name: 'f_t', x: 190, y: 140, anchor: 'end' } },
  { id: 'i', d: `M ${GATE_X.i} ${BOX.y} V 140 H 366`, scale: 1, label: { name: 'i_t', x: 292, y: 176, anchor: 'end' } },
  {
    id: 'cTilde',
    d: `M ${GATE_X.c} ${BOX.y} V 154`,
    scale: 1,
    label: { name: 'C̃_t', x: 390, y: 184, anchor: 'start' },
  },
  { id: 'written', d: 'M 380 126 V 74', scale: 1, label: { name: 'i·C̃', x: 390, y: 104, anchor: 'start' } },
  {
    id: 'o',
    d: `M ${GATE_X.o + BOX.w / 2} 220 H 586`,
    scale: 1,
    label: { name: 'o_t', x: 546, y: 206, anchor: 'middle' },
  },
  { id: 'hPrev', d: 'M 0 290 H 480', scale: 1, label: { name: 'h_{t−1}', x: 6, y: 278, anchor: 'start' } },
  { id: 'x1', d: 'M 110 370 V 302 H 480', scale: 2, label: { name: 'x_1', x: 102, y: 362, anchor: 'end' } },
  { id: 'x2', d: 'M 140 370 V 314 H 480', scale: 2, label: { name: 'x_2', x: 148, y: 362, anchor: 'start' } },
  ...(['f', 'i', 'c', 'o'] as const).map((g): WireSpec => ({
    id: `z${g}`,
    d: `M ${GATE_X[g]} 284 V ${BOX.y + BOX.h}`,
    scale: 8,
    label: { name: 'z', x: GATE_X[g] + 6, y: 266, anchor: 'start', small: true },
  })),
];

// Below this size a wire is drawn thin, grey and dashed: nothing to speak of flows through it.
const ZERO = 0.005;

/** The cell diagram: an `<svg>` to place in the page and an `update` to call with each step. */
export interface CellDiagram {
  root: SVGSVGElement;
  update(p: OneUnitCell, r: OneUnitReading): void;
}

/** Builds the diagram's SVG once; `update` only changes attributes and texts. */
export function cellDiagram(): CellDiagram {
  const root = svg('svg', {
    viewBox: '0 0 760 374',
    class: 'lstm-diagram',
    role: 'img',
    'data-role': 'diagram',
  });
  const wires = new Map<WireId, { path: SVGPathElement; value?: SVGTSpanElement; spec: WireSpec }>();
  const wireLayer = svg('g', { class: 'wires' });
  const labelLayer = svg('g', { class: 'labels' });
  for (const spec of WIRES) {
    const path = svg('path', { d: spec.d, class: 'wire', 'data-wire': spec.id });
    wireLayer.append(path);
    let value: SVGTSpanElement | undefined;
    if (spec.label) {
      const l = label(
        spec.label.name,
        spec.label.x,
        spec.label.y,
        spec.label.anchor,
        spec.label.small ? 'lbl small' : 'lbl',
      );
      labelLayer.append(l.text);
      value = l.value;
    }
    wires.set(spec.id, { path, value, spec });
  }

  // Gate boxes: a level inside each shows the gate's value (for the candidate, its size and sign).
  const levels = new Map<'f' | 'i' | 'c' | 'o', SVGRectElement>();
  const boxes = svg('g', { class: 'boxes' });
  for (const g of ['f', 'i', 'c', 'o'] as const) {
    const x = GATE_X[g] - BOX.w / 2;
    const level = svg('rect', { x, width: BOX.w, class: 'level', 'data-level': g });
    levels.set(g, level);
    boxes.append(
      svg('rect', { x, y: BOX.y, width: BOX.w, height: BOX.h, rx: 4, class: 'box' }),
      level,
      svg('rect', { x, y: BOX.y, width: BOX.w, height: BOX.h, rx: 4, class: 'box-edge' }),
      svg('text', { x: GATE_X[g], y: BOX.y + 23, 'text-anchor': 'middle', class: 'op' }, g === 'c' ? 'tanh' : 'σ'),
    );
  }
  const pointwise = (x: number, y: number, sign: string) =>
    svg(
      'g',
      { class: 'pointwise' },
      svg('circle', { cx: x, cy: y, r: 14 }),
      svg('text', { x, y: y + 5.5, 'text-anchor': 'middle', class: 'op' }, sign),
    );
  boxes.append(
    pointwise(200, 60, '×'),
    pointwise(380, 60, '+'),
    pointwise(380, 140, '×'),
    pointwise(600, 220, '×'),
    svg(
      'g',
      { class: 'pointwise' },
      svg('ellipse', { cx: 600, cy: 130, rx: 26, ry: 14 }),
      svg('text', { x: 600, y: 135, 'text-anchor': 'middle', class: 'op small' }, 'tanh'),
    ),
    svg('path', { d: 'M 738 52 L 754 60 L 738 68 Z', class: 'arrow' }),
    svg('path', { d: 'M 738 212 L 754 220 L 738 228 Z', class: 'arrow' }),
  );
  root.append(
    svg('rect', { x: 40, y: 22, width: 660, height: 310, rx: 16, class: 'cell-outline' }),
    wireLayer,
    boxes,
    labelLayer,
  );

  return {
    root,
    update(p, r) {
      const values: Record<WireId, number> = {
        cPrev: p.cPrev,
        kept: r.kept,
        cNew: r.cNew,
        cTap: r.cNew,
        tanhC: r.tanhC,
        h: r.h,
        f: r.f.value,
        i: r.i.value,
        cTilde: r.c.value,
        written: r.written,
        o: r.o.value,
        hPrev: p.hPrev,
        x1: p.x1,
        x2: p.x2,
        zf: r.f.z,
        zi: r.i.z,
        zc: r.c.z,
        zo: r.o.z,
      };
      for (const [id, { path, value, spec }] of wires) {
        const v = values[id];
        const size = Math.min(1, Math.abs(v) / spec.scale);
        path.setAttribute('class', `wire ${Math.abs(v) < ZERO ? 'zero' : v > 0 ? 'pos' : 'neg'}`);
        path.setAttribute('stroke-width', (1.5 + 8.5 * size).toFixed(2));
        if (value) value.textContent = ` = ${fmt(v, id.startsWith('z') ? 2 : 3)}`;
      }
      for (const [g, level] of levels) {
        const v = r[g].value;
        const height = BOX.h * Math.min(1, Math.abs(v));
        level.setAttribute('y', String(BOX.y + BOX.h - height));
        level.setAttribute('height', height.toFixed(2));
        level.setAttribute('class', `level ${v >= 0 ? 'pos' : 'neg'}`);
      }
      root.setAttribute(
        'aria-label',
        LSTM_CELL_WORDS.now().diagram({
          cPrev: fmt(p.cPrev),
          f: fmt(r.f.value),
          kept: fmt(r.kept),
          i: fmt(r.i.value),
          candidate: fmt(r.c.value),
          written: fmt(r.written),
          cNew: fmt(r.cNew),
          o: fmt(r.o.value),
          tanhC: fmt(r.tanhC),
          h: fmt(r.h),
        }),
      );
    },
  };
}
