/**
 * <kit-cosine>: two vectors in the plane that the reader drags (or sets with sliders), with
 * their dot product, lengths, angle and cosine similarity, live.
 */
import { cosine, dot, norm } from '../../embedding/cosine';
import { angleBetween, arcBetween, type Vec2 } from '../../embedding/plane';
import { dataTable, el, slider, type Slider, type TableCell } from '../kit/dom';
import { fmt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import '../kit/embeddings.css';
import { COSINE_WORDS } from './cosine.words';

const LIMIT = 3;
const STEP = 0.1;
const COLORS = { a: '#2f6fd6', b: '#d9480f' } as const;

const coordinate = { kind: 'number', min: -LIMIT, max: LIMIT, step: STEP } as const;
const schema = {
  ax: { ...coordinate, default: 2 },
  ay: { ...coordinate, default: 1 },
  bx: { ...coordinate, default: 1 },
  by: { ...coordinate, default: 2 },
} as const;

type Key = keyof typeof schema;

class CosineWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private sliders = {} as Record<Key, Slider>;
  private plot!: HTMLElement;
  private readout!: HTMLElement;
  private dragging: 'a' | 'b' | null = null;

  protected build(): void {
    const labels: Record<Key, string> = { ax: 'a: x', ay: 'a: y', bx: 'b: x', by: 'b: y' };
    for (const key of Object.keys(labels) as Key[]) {
      this.sliders[key] = slider({
        label: labels[key],
        name: key,
        min: -LIMIT,
        max: LIMIT,
        step: STEP,
        value: this.state[key],
        format: (v) => fmt(v, 1),
        onInput: (v, e) => this.set({ [key]: v }, e),
      });
    }
    this.plot = el('div', {
      className: 'plot kit-plane',
      'data-role': 'plot',
      'aria-label': COSINE_WORDS.now().planeLabel,
    });
    this.readout = el('div', { className: 'readout', 'data-role': 'readout', 'aria-live': 'polite' });
    const { ax, ay, bx, by } = this.sliders;
    this.append(
      el('div', { className: 'controls' }, ax.root, ay.root),
      el('div', { className: 'controls' }, bx.root, by.root),
      el('div', { className: 'kit-side' }, this.plot, this.readout),
    );
    this.plot.addEventListener('pointerdown', (e) => {
      const p = this.toData(e);
      if (!p) return;
      const { ax, ay, bx, by } = this.state;
      // Grab the vector whose tip is nearer the pointer.
      this.dragging = Math.hypot(p.x - ax, p.y - ay) <= Math.hypot(p.x - bx, p.y - by) ? 'a' : 'b';
      this.plot.setPointerCapture(e.pointerId);
      this.dragTo(e);
    });
    this.plot.addEventListener('pointermove', (e) => this.dragging && this.dragTo(e));
    this.plot.addEventListener('pointerup', () => (this.dragging = null));
    this.plot.addEventListener('pointercancel', () => (this.dragging = null));
  }

  /** The pointer's position in the plot's data coordinates, through its x and y scales. */
  private toData(e: PointerEvent): Vec2 | null {
    const svg = this.plot.querySelector('svg');
    const chart = this.plot.firstElementChild as
      (Element & { scale?: (name: string) => { invert?: (v: number) => number } | undefined }) | null;
    const ix = chart?.scale?.('x')?.invert;
    const iy = chart?.scale?.('y')?.invert;
    if (!svg || !ix || !iy) return null;
    const box = svg.getBoundingClientRect();
    // The SVG may be scaled down on a narrow screen: map client pixels to its own coordinates.
    const width = Number(svg.getAttribute('width')) || box.width;
    const height = Number(svg.getAttribute('height')) || box.height;
    const x = ix(((e.clientX - box.left) * width) / box.width);
    const y = iy(((e.clientY - box.top) * height) / box.height);
    return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
  }

  private dragTo(e: PointerEvent): void {
    const p = this.toData(e);
    if (!p || !this.dragging) return;
    const clamp = (v: number) => Math.max(-LIMIT, Math.min(LIMIT, v));
    if (this.dragging === 'a') this.set({ ax: clamp(p.x), ay: clamp(p.y) }, e);
    else this.set({ bx: clamp(p.x), by: clamp(p.y) }, e);
  }

  protected update(): void {
    const w = COSINE_WORDS.now();
    const { ax, ay, bx, by } = this.state;
    for (const key of Object.keys(this.sliders) as Key[]) this.sliders[key].set(this.state[key]);
    const a = { x: ax, y: ay };
    const b = { x: bx, y: by };
    const va = [ax, ay];
    const vb = [bx, by];
    const ab = dot(va, vb);
    const na = norm(va);
    const nb = norm(vb);
    const cos = cosine(va, vb);
    const angle = angleBetween(a, b);
    const radius = Math.max(0.35, Math.min(0.8, 0.35 * Math.min(na || Infinity, nb || Infinity)));
    const arc = arcBetween(a, b, radius);
    const size = Math.min(this.plotWidth(), 440);
    const tips = [
      { ...a, name: 'a' },
      { ...b, name: 'b' },
    ];
    drawPlot(this.plot, {
      width: size,
      height: size,
      marginLeft: 36,
      marginBottom: 32,
      x: { domain: [-LIMIT, LIMIT], label: 'x', grid: true },
      y: { domain: [-LIMIT, LIMIT], label: 'y', grid: true },
      color: { domain: ['a', 'b'], range: [COLORS.a, COLORS.b] },
      marks: [
        Plot.ruleX([0], { strokeOpacity: 0.5 }),
        Plot.ruleY([0], { strokeOpacity: 0.5 }),
        ...(arc.length > 1 ? [Plot.line(arc, { x: 'x', y: 'y', stroke: 'currentColor', strokeOpacity: 0.7 })] : []),
        // The arrow stops at the edge of the dot that serves as its handle.
        Plot.arrow(tips, {
          x1: 0,
          y1: 0,
          x2: 'x',
          y2: 'y',
          stroke: 'name',
          strokeWidth: 3,
          headLength: 10,
          insetEnd: 7,
        }),
        Plot.dot(tips, { x: 'x', y: 'y', fill: 'name', r: 7, stroke: 'white', strokeWidth: 1.5 }),
        Plot.text(tips, { x: 'x', y: 'y', text: 'name', dx: 12, dy: -12, fontSize: 15, fontWeight: 700, fill: 'name' }),
      ],
      ariaLabel: w.plotLabel,
      ariaDescription: w.plotDescription(
        `(${fmt(ax, 1)}, ${fmt(ay, 1)})`,
        `(${fmt(bx, 1)}, ${fmt(by, 1)})`,
        fmt(angle, 1),
        fmt(cos),
      ),
    });
    const line = (label: string, value: string, role: string): TableCell[] => [{ head: label }, { cell: value, role }];
    this.readout.replaceChildren(
      dataTable({
        rows: [
          line('a', `(${fmt(ax, 1)}, ${fmt(ay, 1)})`, 'a'),
          line('b', `(${fmt(bx, 1)}, ${fmt(by, 1)})`, 'b'),
          line('a · b', `${fmt(ax, 1)}×${fmt(bx, 1)} + ${fmt(ay, 1)}×${fmt(by, 1)} = ${fmt(ab)}`, 'dot'),
          line('‖a‖, ‖b‖', `${fmt(na)}, ${fmt(nb)}`, 'norms'),
          line(
            'cos θ = a · b / (‖a‖ ‖b‖)',
            na === 0 || nb === 0 ? w.zeroVector : `${fmt(ab)} / (${fmt(na)} × ${fmt(nb)}) = ${fmt(cos)}`,
            'cosine-formula',
          ),
          line('cos θ', fmt(cos), 'cosine'),
          line('θ', `${fmt(angle, 1)}°`, 'angle'),
        ],
      }),
    );
  }
}

defineWidget('kit-cosine', CosineWidget);
