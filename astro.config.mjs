// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeMathjax from './src/tex/rehype-mathjax.ts';
import rehypeScrollTables from './src/rehype-scroll-tables.ts';
import { tfjsWasmThreads } from './scripts/lib/vite-tfjs-wasm-threads.ts';

// Cross-origin isolation lets tfjs's WASM backend use threads (SharedArrayBuffer). The dev and
// preview servers send these headers; static hosts need the same (see public/_headers).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// BASE_PATH publishes the kit under a sub-path, e.g. BASE_PATH=/lstm-kit/ for GitHub Pages.
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  base,
  // The address the kit is published at, e.g. SITE_URL=https://example.org: makes the other
  // edition's hreflang link absolute. Optional; the kit works at any address without it.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  outDir: process.env.OUT_DIR || './dist',
  trailingSlash: 'ignore',
  integrations: [mdx()],
  markdown: {
    // Formulas are typeset here, at build time: readers download SVG, never a TeX engine.
    // Tables get a box that scrolls sideways on a narrow screen.
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeMathjax, rehypeScrollTables] }),
  },
  server: { headers: isolation },
  devToolbar: { enabled: false },
  vite: {
    plugins: [tfjsWasmThreads()],
    // Workers are bundled apart from pages: the training worker runs threaded WASM too.
    worker: { plugins: () => [tfjsWasmThreads()] },
    // tfjs is one large chunk by nature; it loads only when a widget asks for it.
    build: { chunkSizeWarningLimit: 2500 },
  },
});
