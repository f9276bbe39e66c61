/**
 * A rehype plugin that replaces the math nodes remark-math leaves in a chapter
 * (`<code class="language-math math-inline">` / `math-display`) with build-time MathJax SVG.
 */
import { fromHtml } from 'hast-util-from-html';
import { texToSvg } from './mathjax';

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function classesOf(node: HastNode): string[] {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(' ') : [];
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** Whether a node is one of remark-math's math nodes, and if so whether it is display math. */
export function mathKind(node: HastNode): 'inline' | 'display' | null {
  if (node.type !== 'element') return null;
  const cls = classesOf(node);
  if (cls.includes('math-display')) return 'display';
  if (cls.includes('math-inline')) return 'inline';
  return null;
}

function transform(node: HastNode): void {
  const children = node.children;
  if (!children) return;
  for (let k = 0; k < children.length; k++) {
    let child = children[k];
    // remark-math wraps display math as <pre><code class="math-display">; replace the <pre>.
    const inner = child.tagName === 'pre' && child.children?.length === 1 ? child.children[0] : null;
    const kind = mathKind(child) ?? (inner ? mathKind(inner) : null);
    if (kind) {
      if (inner && mathKind(inner)) child = inner;
      const html = texToSvg(textOf(child).trim(), { display: kind === 'display' });
      // MDX cannot pass raw HTML through, so the SVG goes in as parsed hast elements.
      const wrapped = kind === 'display' ? `<div class="math-display">${html}</div>` : html;
      children[k] = fromHtml(wrapped, { fragment: true }).children[0] as HastNode;
    } else {
      transform(child);
    }
  }
}

/** The plugin: `rehypePlugins: [rehypeMathjax]`. */
export default function rehypeMathjax() {
  return (tree: HastNode) => transform(tree);
}
