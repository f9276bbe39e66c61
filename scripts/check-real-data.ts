/**
 * The real IMDB archive through the whole pipeline, checked against facts about the data set.
 * `.ci/run` runs it when ../shared/data/imdb/aclImdb_v1-labeled.tar.gz exists.
 *
 * Run: npx tsx scripts/check-real-data.ts [ARCHIVE]
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImdb, prepareImdb, R_KERAS_VIEW, ranksToIds, reviewRanks, textToWordSequence } from '../src/data/index.ts';
import { directorySource, openFileStream, writeDirectoryAtomically } from '../src/data/node/index.ts';
import { optionsOrExit } from './lib/options.ts';

const archive =
  optionsOrExit('check-real-data', {}, { positionals: 1 }).positionals[0] ??
  '../shared/data/imdb/aclImdb_v1-labeled.tar.gz';
if (!existsSync(archive)) {
  console.error(`check-real-data: no archive at ${archive}`);
  process.exit(1);
}

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const dir = await mkdtemp(join(tmpdir(), 'kit-imdb-'));
try {
  const out = join(dir, 'imdb');
  const { stream } = await openFileStream(archive);
  await writeDirectoryAtomically(out, (write) => prepareImdb(stream, write, { name: archive }));
  const data = await loadImdb(directorySource(out));
  for (const name of ['train', 'test'] as const) {
    const split = data.splits[name]!;
    const positives = split.labels.reduce((n, l) => n + l, 0);
    check(split.count === 25_000, `${name}: 25,000 reviews (found ${split.count})`);
    check(
      positives === 12_500 && split.count - positives === 12_500,
      `${name}: 12,500 of each label (${positives} positive)`,
    );
  }
  // train/pos/0_9.txt begins "Bromwell High is a cartoon comedy."
  const train = data.splits.train!;
  const at = [...train.reviewIds].findIndex((id, i) => id === 0 && train.labels[i] === 1);
  check(at >= 0 && train.ratings[at] === 9, 'train/pos/0_9.txt is in the data with rating 9');
  const ids = ranksToIds(reviewRanks(train, at), R_KERAS_VIEW);
  const expected = ranksToIds(
    textToWordSequence('bromwell high is a cartoon comedy').map((w) => data.vocabulary.index.get(w) ?? 0),
    R_KERAS_VIEW,
  );
  // Both start with the start id 1, then the words' ids in the keras.datasets.imdb layout.
  check(
    expected.every((id, k) => ids[k] === id),
    `train/pos/0_9.txt starts with the ids of "bromwell high is a cartoon comedy": ${Array.from(ids.slice(0, 7)).join(' ')}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
if (failures.length > 0) process.exit(1);
