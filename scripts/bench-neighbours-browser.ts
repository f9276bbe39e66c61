/**
 * Top-10 cosine neighbours over a seeded 20,000 x 128 table in headless Chromium: the same code
 * as scripts/bench-neighbours.ts measures in Node (src/embedding/neighbours.ts), run by the
 * browser's engine as a page would run it.
 *
 * The modules are served as the TypeScript compiler emits them (types removed, nothing else
 * changed), so that no bundler stands between the source and what is measured. The page is
 * cross-origin isolated, which gives performance.now() its fine resolution.
 *
 * Run: npx tsx scripts/bench-neighbours-browser.ts [--queries N]
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';
import ts from 'typescript';
import { launchChromium, watchedPage } from './lib/browser';
import { optionsOrExit } from './lib/options.ts';

const ROOT = new URL('../src/embedding/', import.meta.url).pathname;
// bench:neighbours passes nothing on to this half; --quick and --backend are the Node half's.
const QUERIES = optionsOrExit('bench:neighbours', { queries: { type: 'int', min: 1, default: 2000 } }).queries;

/** What the page runs: builds the table, then times normaliseRows and the neighbour searches. */
const BENCH = `
import { normaliseRows, vectorTable } from '/embedding/cosine.ts';
import { nearestNeighbours } from '/embedding/neighbours.ts';
import { seededRandom } from '/embedding/random.ts';

function time(runs, warmup, f) {
  for (let i = 0; i < warmup; i++) f(i);
  const out = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f(i);
    out.push(performance.now() - start);
  }
  return out;
}

export async function run(queries) {
  const rows = 20000;
  const dim = 128;
  // The same seeded table as scripts/bench-neighbours.ts: sums of four uniforms, centred.
  const random = seededRandom(1);
  const values = Float32Array.from({ length: rows * dim }, () => random() + random() + random() + random() - 2);
  const table = vectorTable(values, dim);
  let unit = normaliseRows(table);
  const normalise = time(20, 2, () => (unit = normaliseRows(table)));
  const pick = seededRandom(2);
  const ids = Array.from({ length: queries + 50 }, () => Math.floor(pick() * rows));
  let checksum = 0;
  const plain = time(queries, 50, (i) => (checksum += nearestNeighbours(unit, ids[i], { k: 10 })[0].id));
  const excluded = time(queries, 50, (i) => {
    checksum += nearestNeighbours(unit, ids[i], { k: 10, exclude: [0, 1, 2, ids[i + 1]] })[0].id;
  });
  return { normalise, plain, excluded, checksum, isolated: crossOriginIsolated };
}
`;

const server = createServer(async (req, res): Promise<void> => {
  const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/bench.js') {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end(BENCH);
    return;
  }
  if (path === '/') {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>neighbours benchmark</title>');
    return;
  }
  const file = normalize(join(ROOT, path.replace(/^\/embedding\//, '')));
  if (!path.startsWith('/embedding/') || !file.startsWith(ROOT) || !file.endsWith('.ts')) {
    res.writeHead(404, headers);
    res.end();
    return;
  }
  try {
    const source = await readFile(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end(outputText);
  } catch {
    res.writeHead(404, headers);
    res.end();
  }
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

const browser = await launchChromium();
try {
  const { page, problems } = await watchedPage(browser);
  await page.goto(url);
  // The page runs BENCH (above) as a module; a function passed to page.evaluate would be
  // rewritten by tsx on the way (it adds helpers the page does not have).
  const result = (await page.evaluate(
    ({ module, queries }) => import(module).then((m: { run(q: number): Promise<unknown> }) => m.run(queries)),
    { module: '/bench.js', queries: QUERIES },
  )) as { normalise: number[]; plain: number[]; excluded: number[]; checksum: number; isolated: boolean };
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const summary = (ms: number[]) => {
    const s = [...ms].sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
    return `| ${at(0.5).toFixed(2)} | ${at(0.95).toFixed(2)} | ${s[0]!.toFixed(2)} | ${s.length} |`;
  };
  console.log(
    `Neighbours in headless Chromium ${browser.version()} (cross-origin isolated: ${result.isolated}), seeded 20,000 x 128 float32 table`,
  );
  console.log('| what | median ms | p95 ms | min ms | runs |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(`| normaliseRows (whole table) ${summary(result.normalise)}`);
  console.log(`| top-10 neighbours ${summary(result.plain)}`);
  console.log(`| top-10 neighbours, 4 excluded ids ${summary(result.excluded)}`);
  console.log(`(checksum ${result.checksum})`);
} finally {
  await browser.close();
  server.close();
}
