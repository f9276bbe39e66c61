import { describe, expect, it } from 'vitest';
import rehypeScrollTables from '../../src/rehype-scroll-tables';

type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] };
const element = (tagName: string, children: Node[] = [], properties: Record<string, unknown> = {}): Node => ({
  type: 'element',
  tagName,
  properties,
  children,
});

describe('tables scroll in their own box', () => {
  it('wraps every table of a chapter, however deep, once', () => {
    const table = element('table', [element('tr')]);
    const nested = element('table');
    const tree: Node = { type: 'root', children: [element('p'), table, element('section', [nested])] };
    const run = rehypeScrollTables();
    run(tree);
    run(tree);
    expect(tree.children![1]).toEqual(element('div', [table], { className: ['table-scroll'] }));
    expect(tree.children![2].children![0]).toEqual(element('div', [nested], { className: ['table-scroll'] }));
    expect(tree.children![0]).toEqual(element('p'));
  });
});

describe('plot style', () => {
  it('prints plot text at 12 pixels or more, whatever a widget asks for', async () => {
    const { plotStyle, MIN_FONT_PX } = await import('../../src/widgets/kit/plot');
    expect(MIN_FONT_PX).toBe(12);
    expect(plotStyle()).toEqual({
      background: 'transparent',
      color: 'currentColor',
      overflow: 'visible',
      fontSize: '12px',
    });
    expect(plotStyle({ fontSize: '10px', color: 'red' })).toMatchObject({ fontSize: '12px', color: 'red' });
    expect(plotStyle({ fontSize: '14px' }).fontSize).toBe('14px');
  });
});
