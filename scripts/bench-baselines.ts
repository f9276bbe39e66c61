/**
 * The baselines of chapter 5 on the real IMDB data: the R article's random forest on the padded
 * `r-keras` ids (1,000 trees) and a bag-of-words logistic regression, both fitted on the 25,000
 * training reviews and scored on the 25,000 test reviews, with the same code the page's worker
 * runs (src/baselines/imdb.ts).
 *
 * Run: npm run bench:baselines [-- --trees N] [--seed S] [--only forest|bag-of-words] [--data DIR]
 *      npm run bench:baselines -- --tune   (chooses the penalty of the logistic regression on a
 *      fifth of the training reviews held out from fitting; the test reviews are not used)
 * The data must have been prepared: npm run data -- --archive PATH
 */
import os from 'node:os';
import { join } from 'node:path';
import {
  ARTICLE_TREES,
  bagOfWordsBaseline,
  bagOfWordsRows,
  BAG_OF_WORDS_L2,
  binaryMetrics,
  classesOf,
  fitBagOfWords,
  fitLogisticRegression,
  forestBaseline,
  logisticProbability,
  pickReviews,
  verdict,
  type BaselineProgress,
  type BinaryMetrics,
} from '../src/baselines/index.ts';
import { loadImdb, percent } from '../src/data/index.ts';
import { directorySource } from '../src/data/node/index.ts';
import { mulberry32 } from '../src/lstm/cell/random.ts';
import { optionsOrExit } from './lib/options.ts';

const args = optionsOrExit('bench:baselines', {
  data: { type: 'string', default: join(import.meta.dirname, '..', 'public', 'data', 'imdb') },
  trees: { type: 'int', min: 1, default: ARTICLE_TREES },
  seed: { type: 'int', default: 1 },
  only: { type: 'choice', choices: ['both', 'forest', 'bag-of-words'], default: 'both' },
  tune: { type: 'boolean' },
});
const { data: dataDir, trees, seed, only, tune } = args;

const dataset = await loadImdb(directorySource(dataDir), { splits: ['train', 'test'] });
const train = dataset.splits.train!;
const test = dataset.splits.test!;
console.log(
  `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(
  `data: ${train.count.toLocaleString('en-US')} training and ${test.count.toLocaleString('en-US')} test reviews from ${dataDir}`,
);

/** Prints progress on one line of the terminal, at most a few times a second. */
function progressLine(label: string): (p: BaselineProgress) => void {
  let last = 0;
  return (p) => {
    const t = performance.now();
    if (t - last < 500 || !process.stderr.isTTY) return;
    last = t;
    process.stderr.write(`\r${label}: ${p.stage} (${(100 * p.fraction).toFixed(0)}%)\u001b[K`);
  };
}
const clearLine = () => process.stderr.isTTY && process.stderr.write('\r\u001b[K');

if (tune) {
  // A seeded fifth of the training reviews is held out; the penalty that scores best on it wins.
  const rand = mulberry32(seed);
  const order = Array.from({ length: train.count }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const held = Math.floor(train.count / 5);
  const fit = pickReviews(train, order.slice(held));
  const check = pickReviews(train, order.slice(0, held));
  const bow = fitBagOfWords(fit);
  const x = bagOfWordsRows(bow, fit);
  const xCheck = bagOfWordsRows(bow, check);
  console.log(
    `\nPenalty of the bag-of-words logistic regression: fitted on ${fit.labels.length.toLocaleString('en-US')} training reviews, scored on the other ${held.toLocaleString('en-US')}`,
  );
  console.log('| λ | held-out accuracy | iterations | seconds |');
  console.log('| ---: | ---: | ---: | ---: |');
  let best = { l2: NaN, accuracy: -1 };
  for (const l2 of [1e-7, 3e-7, 1e-6, 3e-6, 1e-5, 3e-5, 1e-4]) {
    const started = performance.now();
    const model = await fitLogisticRegression(x, fit.labels, { l2, maxIterations: 300 });
    const m = binaryMetrics(classesOf(logisticProbability(model, xCheck)), check.labels);
    const s = (performance.now() - started) / 1000;
    if (m.accuracy > best.accuracy) best = { l2, accuracy: m.accuracy };
    console.log(
      `| ${l2.toExponential(0)} | ${(100 * m.accuracy).toFixed(2)}% | ${model.optimiser.iterations} | ${s.toFixed(1)} |`,
    );
  }
  console.log(`The most accurate on the held-out reviews: λ = ${best.l2.toExponential(0)}.`);
  console.log(`(the page and the table below use λ = ${BAG_OF_WORDS_L2.toExponential(0)})`);
}

interface Row {
  name: string;
  metrics: BinaryMetrics;
  seconds: number;
  note: string;
}
const rows: Row[] = [];
if (only !== 'forest') {
  const r = await bagOfWordsBaseline(train, test, { onProgress: progressLine('bag of words') });
  clearLine();
  rows.push({
    name: 'the bag-of-words logistic regression',
    metrics: r.metrics,
    seconds: r.seconds,
    note: `${r.words.toLocaleString('en-US')} words + ${r.bigrams.toLocaleString('en-US')} bigrams, tf-idf; λ = ${r.l2.toExponential(0)}; ${r.iterations} L-BFGS iterations`,
  });
}
if (only !== 'bag-of-words') {
  const r = await forestBaseline(train, test, { trees, seed, onProgress: progressLine('random forest') });
  clearLine();
  rows.push({
    name: 'the random forest',
    metrics: r.metrics,
    seconds: r.seconds,
    note: `${r.trees.toLocaleString('en-US')} trees on the 80 padded r-keras ids; out-of-bag accuracy ${percent(r.outOfBagAccuracy)}; ${Math.round(r.nodesPerTree).toLocaleString('en-US')} nodes per tree`,
  });
}

console.log(
  `\nBaselines, fitted on the ${train.count.toLocaleString('en-US')} training reviews, scored on all ${test.count.toLocaleString('en-US')} test reviews`,
);
console.log('| model | accuracy | precision | recall | F1 | fit seconds | notes |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) {
  const m = r.metrics;
  console.log(
    `| ${r.name} | ${percent(m.accuracy)} | ${percent(m.precision)} | ${percent(m.recall)} | ${percent(m.f1)} | ${r.seconds.toFixed(1)} | ${r.note} |`,
  );
}
console.log(`\n${verdict(rows)}`);
