/**
 * The page of the browser training benchmark (scripts/bench/train-page.ts, bundled by esbuild)
 * with tfjs's .wasm files and the prepared data linked in, in a temporary folder: shared by
 * `npm run bench:train:browser` and `npm run bench:train:chapter`, which runs its fastest row
 * beside the chapter.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Builds the page into a new temporary folder; `remove` deletes it. */
export async function trainBenchSite(data: string): Promise<{ root: string; remove: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'kit-train-bench-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    await build({
      entryPoints: ['scripts/bench/train-page.ts'],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outfile: join(root, 'bench.js'),
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><meta charset="utf-8"><script type="module" src="bench.js"></script>',
    );
    mkdirSync(join(root, 'wasm'));
    for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
      copyFileSync(join('node_modules/@tensorflow/tfjs-backend-wasm/dist', f), join(root, 'wasm', f));
    }
    mkdirSync(join(root, 'data'));
    symlinkSync(data, join(root, 'data', 'imdb'));
    return { root, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
