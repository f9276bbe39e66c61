/**
 * The challenges that read with a trained model (chapters 6 and 7) have solutions found with
 * the kit's own model, which the repository does not hold: this command checks each solution,
 * through the challenge's own check, against the kit's model in public/models/kit (`npm run
 * model` makes it), and exits non-zero if one fails.
 *
 * Run: npx tsx scripts/check-exercises.ts [MODEL_DIR]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { vocabularyFromWords } from '../src/data/vocabulary.ts';
import { MODEL_CHECKS, REVIEW_CHECKS } from '../src/exercises/checks.ts';
import { EXERCISES } from '../src/exercises/list.ts';
import { loadKitModel } from '../src/lstm/sentiment/model-files.ts';
import { settingsView } from '../src/lstm/sentiment/presets.ts';
import { reviewSteps } from '../src/lstm/sentiment/review-steps.ts';
import { classifierWeights, traceClassifier, type LayerLike } from '../src/lstm/sentiment/trace.ts';
import { directoryHandler } from './lib/model-directory.ts';
import { optionsOrExit } from './lib/options.ts';

const dir = optionsOrExit('check-exercises', {}, { positionals: 1 }).positionals[0] ?? 'public/models/kit';
if (!existsSync(join(dir, 'model.json'))) {
  console.error(`check-exercises: no model in ${dir} (npm run model makes the kit's)`);
  process.exit(1);
}

await tf.setBackend('cpu');
const { model, metadata } = await loadKitModel(directoryHandler(dir));
const weights = classifierWeights(model.layers as unknown as LayerLike[]);
model.dispose();
const vocabulary = vocabularyFromWords(metadata.words, new Array<number>(metadata.words.length).fill(0));
const view = settingsView(metadata.settings);

let failed = 0;
for (const e of EXERCISES) {
  if (e.kind !== 'challenge' || !e.reads) continue;
  const state = e.solution.state;
  const text = String(state.text);
  let result;
  if (e.reads === 'model') result = MODEL_CHECKS[e.id](state, { weights, vocabulary, view });
  else {
    const steps = reviewSteps(text, vocabulary, view);
    result = REVIEW_CHECKS[e.id]({ tokens: steps.tokens, p: traceClassifier(weights, steps.ids).p });
  }
  console.log(`${result.met ? 'ok  ' : 'FAIL'} ${e.chapter} ${e.id}: ${result.now}`);
  if (!result.met) failed++;
}
process.exit(failed > 0 ? 1 : 0);
