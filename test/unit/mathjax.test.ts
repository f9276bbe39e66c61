import { describe, expect, it } from 'vitest';
import { mathjaxCss, texToSvg } from '../../src/tex/mathjax';
import rehypeMathjax from '../../src/tex/rehype-mathjax';

describe('build-time MathJax', () => {
  it('turns TeX into SVG with hidden MathML for screen readers', () => {
    const html = texToSvg('h_t = \\tanh(W_x x_t + W_h h_{t-1} + b)', { display: true });
    expect(html).toMatch(/^<mjx-container[^>]*jax="SVG"[^>]*display="true"/);
    expect(html).toContain('<svg');
    expect(html).toContain('<mjx-assistive-mml');
    expect(html).toContain('<mi>tanh</mi>');
    expect(mathjaxCss()).toContain('mjx-container');
  });

  it('fails loudly on a TeX error instead of printing it in the page', () => {
    expect(() => texToSvg('\\frac{1}')).toThrow(/TeX error/);
    expect(() => texToSvg('\\notacommand x')).toThrow(/Undefined control sequence/);
  });

  it('replaces remark-math nodes in a hast tree, inline and display', () => {
    const tree = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: {},
          children: [
            { type: 'text', value: 'inline ' },
            {
              type: 'element',
              tagName: 'code',
              properties: { className: ['language-math', 'math-inline'] },
              children: [{ type: 'text', value: 'x^2' }],
            },
          ],
        },
        {
          type: 'element',
          tagName: 'pre',
          properties: {},
          children: [
            {
              type: 'element',
              tagName: 'code',
              properties: { className: ['language-math', 'math-display'] },
              children: [{ type: 'text', value: '\\sigma(z)' }],
            },
          ],
        },
      ],
    };
    rehypeMathjax()(tree);
    const p = tree.children[0] as { children: { tagName?: string }[] };
    expect(p.children[1].tagName).toBe('mjx-container');
    const display = tree.children[1] as unknown as { tagName: string; properties: { className: string[] } };
    expect(display.tagName).toBe('div');
    expect(display.properties.className).toEqual(['math-display']);
  });
});
