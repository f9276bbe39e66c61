/**
 * A `tf.io` handler for a folder in Node (the browser's tfjs has none): `model.json` in the
 * standard tfjs layout and one `weights.bin`, which `tf.loadLayersModel` reads in any tfjs app
 * once served, and which the kit's pages load with "Load model files".
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

const MODEL = 'model.json';
const WEIGHTS = 'weights.bin';

/** Saves to and loads from `dir`; a save writes temporary files and renames them, so it is atomic per file. */
export function directoryHandler(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts) {
      mkdirSync(dir, { recursive: true });
      const weights = new Uint8Array(
        tf.io.concatenateArrayBuffers([artifacts.weightData ?? new ArrayBuffer(0)].flat()),
      );
      const json: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology as object,
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy ?? '',
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths: [`./${WEIGHTS}`], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      writeFileSync(join(dir, `${WEIGHTS}.tmp`), weights);
      writeFileSync(join(dir, `${MODEL}.tmp`), JSON.stringify(json));
      renameSync(join(dir, `${WEIGHTS}.tmp`), join(dir, WEIGHTS));
      renameSync(join(dir, `${MODEL}.tmp`), join(dir, MODEL));
      return {
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.length },
      };
    },
    async load() {
      const json = JSON.parse(readFileSync(join(dir, MODEL), 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const bytes = manifest.flatMap((group) => group.paths.map((p) => readFileSync(join(dir, p))));
        const all = Buffer.concat(bytes);
        return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)];
      });
    },
  };
}
