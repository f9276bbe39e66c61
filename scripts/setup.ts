/**
 * Run by `npm start` before the development server: prepares what a reader needs once, and
 * keeps it for the next start. The IMDB data (`npm run data`: the archive from $IMDB_ARCHIVE, the
 * cache or a download) and then the kit's model (`npm run model`, a few minutes), each only when
 * missing. Without network, or when anything fails, it says in one line what to do and lets the
 * server start: every chapter works without them, chapters 4 to 7 wait for the reader's data or
 * model. KIT_SETUP=off skips it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { optionsOrExit } from './lib/options.ts';

optionsOrExit('setup', {});
const root = join(import.meta.dirname, '..');
const DATA = join(root, 'public', 'data', 'imdb', 'manifest.json');
const MODEL = join(root, 'public', 'models', 'kit', 'model.json');

/** Runs `npm run <script>`, its output shown as it goes; true when it succeeded. */
function npmRun(script: string): boolean {
  return spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' }).status === 0;
}

if (process.env.KIT_SETUP === 'off') process.exit(0);
if (!existsSync(DATA)) {
  console.log('setup: preparing the IMDB reviews once (npm run data; kept for the next start)…');
  if (!npmRun('data')) {
    console.log(
      'setup: the IMDB reviews could not be prepared (no network?): run "npm run data -- --archive PATH" with a copy of aclImdb_v1.tar.gz; the kit starts without them.',
    );
  }
}
if (existsSync(DATA) && !existsSync(MODEL)) {
  console.log("setup: training the kit's model once (npm run model, a few minutes; kept for the next start)…");
  if (!npmRun('model'))
    console.log('setup: the model could not be trained: run "npm run model" to try again; the kit starts without it.');
}
