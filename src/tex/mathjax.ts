/**
 * TeX to SVG at build time with mathjax-full, so that readers download no TeX engine: the
 * pages carry finished SVG plus hidden MathML for screen readers.
 */
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { AssistiveMmlHandler } from 'mathjax-full/js/a11y/assistive-mml.js';
import { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';

const adaptor = liteAdaptor();
AssistiveMmlHandler(RegisterHTMLHandler(adaptor));

// One document for the whole build: MathJax's setup is the slow part, converting is quick.
// fontCache 'local' shares glyph paths inside one formula and keeps each formula standalone.
const doc = mathjax.document('', {
  // Without 'noundefined' an unknown macro is an error (caught below), not red text in a page.
  InputJax: new TeX({ packages: AllPackages.filter((p: string) => p !== 'bussproofs' && p !== 'noundefined') }),
  OutputJax: new SVG({ fontCache: 'local' }),
});

/** Typesets one TeX formula to HTML (an `mjx-container` holding an SVG); throws on a TeX error. */
export function texToSvg(tex: string, { display = false }: { display?: boolean } = {}): string {
  const node = doc.convert(tex, { display });
  // MathJax reports TeX errors as an merror node instead of throwing; a build must fail on them.
  const html = adaptor.outerHTML(node);
  if (html.includes('data-mjx-error')) {
    const message = /data-mjx-error="([^"]*)"/.exec(html)?.[1] ?? 'unknown error';
    throw new Error(`TeX error in "${tex}": ${message}`);
  }
  return html;
}

/** The CSS MathJax's SVG output needs, once per page. */
export function mathjaxCss(): string {
  return adaptor.textContent((doc.outputJax as unknown as SVG<unknown, unknown, unknown>).styleSheet(doc) as never);
}
