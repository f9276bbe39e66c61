/**
 * A rehype plugin that puts every table of a chapter in a box of its own,
 * `<div class="table-scroll">`, which scrolls sideways when the table is wider than the page
 * (global.css), so that a wide table never makes a phone's page scroll sideways.
 * src/scroll-boxes.ts gives the box a tab stop when it scrolls.
 */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function isScrollBox(node: HastNode): boolean {
  const c = node.properties?.className;
  return Array.isArray(c) && c.includes('table-scroll');
}

function wrap(node: HastNode): void {
  const children = node.children;
  if (!children || (node.type === 'element' && isScrollBox(node))) return;
  for (let k = 0; k < children.length; k++) {
    const child = children[k];
    if (child.type === 'element' && child.tagName === 'table') {
      children[k] = { type: 'element', tagName: 'div', properties: { className: ['table-scroll'] }, children: [child] };
    } else {
      wrap(child);
    }
  }
}

/** The plugin: `rehypePlugins: [rehypeScrollTables]`. */
export default function rehypeScrollTables() {
  return (tree: HastNode) => wrap(tree);
}
