/** `kit-rnn-step` is implemented by src/widgets/sequences/rnn-step.ts: the tag minus its prefix. */
export function widgetModuleName(tag: string): string {
  if (!tag.startsWith('kit-')) throw new Error(`Widget tags start with "kit-": <${tag}>`);
  return tag.slice(4);
}

/**
 * The widget modules of the chapter folders (paths such as `../sequences/rnn-step.ts`, as
 * `import.meta.glob` gives them) by file name, leaving out the runtime in `kit/`. Two chapters
 * may not share a file name: a tag must name one module.
 */
export function widgetModules<T>(byPath: Record<string, T>): Map<string, T> {
  const out = new Map<string, T>();
  for (const [path, value] of Object.entries(byPath)) {
    const parts = path.split('/');
    if (parts.at(-2) === 'kit') continue;
    const name = parts.at(-1)!.replace(/\.ts$/, '');
    if (out.has(name)) throw new Error(`Two widget modules are named ${name}.ts: a tag must name one.`);
    out.set(name, value);
  }
  return out;
}
