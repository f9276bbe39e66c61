/**
 * Whether a model file's metadata agrees with its network, before the kit uses it: a file whose
 * metadata says one thing and whose weights another (an Embedding cut to fewer rows, two LSTM
 * layers claimed for one, a vocabulary larger than the network can look up, NaN weights, test
 * metrics that cannot be) would fail later with tfjs's own errors, or show numbers that lie.
 * Pure: the network is described by its layers' kinds and parameter counts, so tests need no
 * files.
 */
import { confusionScores } from './metrics.ts';
import { modelSummary } from './model.ts';
import type { SentimentSettings } from './presets.ts';

/** One layer of a loaded network that has weights: its tfjs class name and parameter count. */
export interface NetworkLayer {
  kind: string;
  params: number;
}

/** What the check needs of a network. */
export interface NetworkFacts {
  /** The layers that have weights, in order (Embedding, LSTM…, Dense). */
  layers: NetworkLayer[];
  /** The input's shape, `[batch, maxlen]`, and the output's, `[batch, 1]`. */
  inputShape: readonly (number | null)[];
  outputShape: readonly (number | null)[];
  /** How many weight values are not finite (NaN or infinite). */
  nonFinite: number;
}

/** What the check needs of the metadata. */
export interface MetadataFacts {
  settings: SentimentSettings;
  /** Words in the training vocabulary. */
  vocabularySize: number;
  /** How many words the metadata carries (rank order). */
  wordCount: number;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The family of a layer, from a summary row ('LSTM (return sequences)') or a class name ('FusedLSTM'). */
function family(kind: string): string {
  if (/lstm/i.test(kind)) return 'LSTM';
  if (/embedding/i.test(kind)) return 'Embedding';
  if (/dense/i.test(kind)) return 'Dense';
  return kind;
}

/**
 * Every way the network disagrees with the metadata, one sentence each; empty when they agree.
 * Parameter counts are compared layer by layer with {@link modelSummary} of the metadata's
 * settings, so an Embedding's rows, an LSTM's units and the number of layers are all checked.
 */
export function networkDisagreements(meta: MetadataFacts, net: NetworkFacts): string[] {
  const out: string[] = [];
  const { settings } = meta;
  const expected = modelSummary(settings, meta.vocabularySize);
  const want = expected.map((r) => family(r.layer));
  const have = net.layers.map((l) => family(l.kind));
  if (want.join() !== have.join()) {
    out.push(`its metadata describes the layers ${want.join(', ')}, but the network has ${have.join(', ')}`);
  } else {
    expected.forEach((row, k) => {
      const got = net.layers[k]!.params;
      if (got === row.params) return;
      const rows =
        want[k] === 'Embedding'
          ? ` (${fmt(row.params / settings.embedding)} rows of ${settings.embedding} expected, ${fmt(got / settings.embedding)} found)`
          : '';
      out.push(
        `its ${row.layer} layer should have ${fmt(row.params)} weights by its metadata, but has ${fmt(got)}${rows}`,
      );
    });
  }
  if (net.inputShape[1] !== settings.maxlen)
    out.push(`it reads reviews of ${String(net.inputShape[1])} words, but its metadata says maxlen ${settings.maxlen}`);
  if (net.outputShape[1] !== 1) out.push(`it has ${String(net.outputShape[1])} outputs, not one probability`);
  const seen = Math.min(meta.vocabularySize, settings.numWords ?? meta.vocabularySize);
  if (meta.wordCount !== seen)
    out.push(`its metadata carries ${fmt(meta.wordCount)} words, but its settings let it see ${fmt(seen)}`);
  if (net.nonFinite > 0) out.push(`${fmt(net.nonFinite)} of its weights are not numbers (NaN or infinite)`);
  return out;
}

/**
 * Why test metrics read from a file cannot be right, or null when they can: counts must be
 * whole and add up, and the scores must be the ones the counts give.
 */
export function metricsProblem(test: unknown): string | null {
  if (test === null || test === undefined) return null;
  if (typeof test !== 'object') return 'its test metrics are not a record';
  const m = test as Record<string, unknown>;
  const counts = ['tp', 'fp', 'tn', 'fn'] as const;
  if (!counts.every((k) => Number.isInteger(m[k]) && (m[k] as number) >= 0))
    return 'its test metrics have no whole counts of right and wrong answers';
  const scores = confusionScores({ tp: m.tp as number, fp: m.fp as number, tn: m.tn as number, fn: m.fn as number });
  if (scores.count === 0) return 'its test metrics count no reviews';
  for (const key of ['count', 'accuracy', 'precision', 'recall', 'f1'] as const) {
    const v = m[key];
    if (typeof v !== 'number' || !(Math.abs(v - scores[key]) <= 1e-6))
      return `its test ${key} (${String(v)}) is not what its counts give (${scores[key]})`;
  }
  if (typeof m.loss !== 'number' || !Number.isFinite(m.loss) || m.loss < 0)
    return `its test loss (${String(m.loss)}) is not a number of 0 or more`;
  return null;
}
