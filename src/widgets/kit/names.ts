/** `kit-rnn-step` is implemented by src/widgets/rnn-step.ts: the tag minus its prefix. */
export function widgetModuleName(tag: string): string {
  if (!tag.startsWith('kit-')) throw new Error(`Widget tags start with "kit-": <${tag}>`);
  return tag.slice(4);
}
