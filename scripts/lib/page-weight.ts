/**
 * What each built page makes a reader download before any widget starts: its HTML, its CSS, and
 * the JavaScript its module scripts import statically (dynamic imports, which widgets use for
 * Plot and tfjs, are left out: they load only when a widget nears the viewport).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The weight of one page, in bytes after gzip. */
export interface PageWeight {
  /** The page's path inside the build, e.g. `chapters/01-sequences/index.html`. */
  page: string;
  html: number;
  js: number;
  css: number;
  /** JavaScript files counted in `js`, relative to the build. */
  jsFiles: string[];
  /** Whether any of that JavaScript contains MathJax. */
  mathjax: boolean;
}

const gz = (s: string | Buffer) => gzipSync(s).length;

function htmlPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlPages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

// Static imports in minified ES modules: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+\.js)["'`]/g;

/** The static import specifiers of a module's source. */
export function staticImports(source: string): string[] {
  return [...source.matchAll(STATIC_IMPORT)].map((m) => m[1]);
}

/** Resolves a URL path from the site (under `base`) to a file in the build. */
function fileOf(root: string, base: string, from: string, url: string): string {
  if (url.startsWith(base)) return join(root, url.slice(base.length));
  if (url.startsWith('/')) return join(root, url);
  return resolve(dirname(from), url);
}

/** Measures every HTML page of a build made for `base`. */
export function pageWeights(root: string, base = '/'): PageWeight[] {
  return htmlPages(root).map((file) => {
    const html = readFileSync(file, 'utf8');
    const seen = new Set<string>();
    const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => fileOf(root, base, file, m[1]));
    let js = 0;
    let mathjax = false;
    // Inline scripts count too (the theme script runs before first paint).
    for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) js += gz(m[1]);
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const source = readFileSync(path, 'utf8');
      js += gz(source);
      if (/mathjax/i.test(source)) mathjax = true;
      for (const spec of staticImports(source)) queue.push(resolve(dirname(path), spec));
    }
    let css = 0;
    for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g))
      css += gz(readFileSync(fileOf(root, base, file, m[1])));
    for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css += gz(m[1]);
    return {
      page: relative(root, file),
      html: gz(html),
      js,
      css,
      jsFiles: [...seen].map((p) => relative(root, p)),
      mathjax,
    };
  });
}
