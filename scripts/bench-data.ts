/**
 * npm run bench:data [-- ARCHIVE]: the labeled IMDB archive to shards, in Node and in the
 * browser's worker, with the time and peak memory of each. Targets: under 20 s in Node, under
 * 60 s in the browser.
 *
 * Node runs `npm run data`'s script in a child process tree whose resident memory is sampled.
 * In Chromium the page prepares the archive the reader picks (chapter 5), and the peak is
 * sampled with performance.measureUserAgentSpecificMemory(), which counts the page and its
 * workers (the page is cross-origin isolated, as the API requires).
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, watchedPage } from './lib/browser';
import { serveStatic } from './lib/static-server';
import { optionsOrExit } from './lib/options.ts';

const archive =
  optionsOrExit('bench:data', {}, { positionals: 1 }).positionals[0] ?? '../shared/data/imdb/aclImdb_v1-labeled.tar.gz';
const DIR = process.env.E2E_DIR ?? 'dist-e2e';
const BASE = process.env.E2E_BASE ?? '/lstm-kit/';
const MB = 1024 * 1024;

if (!existsSync(archive)) {
  console.error(`bench-data: no archive at ${archive}`);
  process.exit(1);
}
if (!existsSync(`${DIR}/index.html`)) execSync('npm run build:e2e', { stdio: 'inherit' });

// Node: the same command a host runs. Its peak memory is the largest total resident size of
// its process tree (npx, tsx and node), sampled from /proc every 50 ms.
function treeRssBytes(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * 4096); // field 24 of stat: resident pages
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

const out = mkdtempSync(join(tmpdir(), 'kit-bench-data-'));
const started = performance.now();
const child = spawn('npx', ['tsx', 'scripts/data.ts', '--archive', archive, '--out', join(out, 'imdb'), '--quiet'], {
  stdio: 'inherit',
});
let nodePeak = 0;
const timer = setInterval(() => (nodePeak = Math.max(nodePeak, treeRssBytes(child.pid!))), 50);
const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
clearInterval(timer);
const nodeSeconds = (performance.now() - started) / 1000;
rmSync(out, { recursive: true, force: true });
if (code !== 0) throw new Error(`npm run data failed with exit code ${code}`);

// Browser: pick the archive in chapter 5 and wait until the data is ready.
const server = await serveStatic({ root: DIR, base: BASE });
const browser = await launchChromium(['--enable-blink-features=ForceEagerMeasureMemory']);
let browserSeconds: number;
let browserPeak = 0;
try {
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${server.url}chapters/05-sentiment-imdb/`);
  await page.locator('kit-imdb-data').scrollIntoViewIfNeeded();
  await page.waitForSelector('kit-imdb-data[data-ready="true"]');
  const panel = 'kit-imdb-data [data-role="imdb-panel"]';
  // A site built with the data offers it first; this benchmark is about preparing an archive.
  await page.waitForSelector(`${panel}[data-phase="choose"]`, { timeout: 60_000 });
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const bytes = await page.evaluate(async () => {
        const m = await (
          performance as unknown as { measureUserAgentSpecificMemory(): Promise<{ bytes: number }> }
        ).measureUserAgentSpecificMemory();
        return m.bytes;
      });
      browserPeak = Math.max(browserPeak, bytes);
      await page.waitForTimeout(250);
    }
  })();
  const t0 = performance.now();
  await page.locator('kit-imdb-data input[type="file"]').setInputFiles(archive);
  await page.waitForSelector(`${panel}[data-phase="ready"]`, { timeout: 180_000 });
  browserSeconds = (performance.now() - t0) / 1000;
  sampling = false;
  await sampler;
  if (problems.length > 0) throw new Error(problems.join('\n'));
} finally {
  await browser.close();
  await server.close();
}

const size = statSync(archive).size / MB;
console.log(`The labeled IMDB archive (${size.toFixed(1)} MB, 50,000 reviews) to shards`);
console.log('| where | seconds | target | peak memory |');
console.log('| --- | ---: | --- | ---: |');
console.log(
  `| Node (npm run data) | ${nodeSeconds.toFixed(1)} | under 20 s: ${nodeSeconds < 20 ? 'yes' : 'NO'} | ${(nodePeak / MB).toFixed(0)} MB resident (process tree) |`,
);
console.log(
  `| Chromium worker (chapter 5, file picked) | ${browserSeconds.toFixed(1)} | under 60 s: ${browserSeconds < 60 ? 'yes' : 'NO'} | ${(browserPeak / MB).toFixed(0)} MB JS memory of the page and its workers |`,
);
