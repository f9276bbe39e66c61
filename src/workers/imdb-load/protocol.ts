/**
 * Messages between the page (src/workers/imdb-client.ts) and the worker that reads the
 * prepared files (./worker.ts). Types only.
 */
import type { ImdbDataset, LoadProgress } from '../../data/load.ts';
import type { ImdbManifest } from '../../data/shards.ts';
import type { ErrorMessage } from '../../data/transfer.ts';

/** Page to the loading worker: read the site's manifest, or load the site's or the stored files. */
export type LoadRequest =
  { type: 'probe'; site: string } | { type: 'load'; from: { site: string } | { store: string } };

/** The loading worker to page. */
export type LoadMessage =
  | { type: 'progress'; progress: LoadProgress }
  /** The site's manifest, null when it has none (404). */
  | { type: 'manifest'; manifest: ImdbManifest | null }
  /** The loaded dataset; its arrays' buffers are transferred. */
  | { type: 'dataset'; dataset: ImdbDataset }
  | ErrorMessage;
