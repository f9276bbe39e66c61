// Text and data preparation shared by Node tools and the browser. Node-only helpers (files,
// downloads) live in ./node/ and are imported from there, so that no bundle pulls in `fs`.
export * from './bytes.ts';
export * from './errors.ts';
export * from './explore.ts';
export * from './format.ts';
export * from './gzip.ts';
export * from './imdb.ts';
export * from './limit.ts';
export * from './load.ts';
export * from './loader.ts';
export * from './memory.ts';
export * from './pad.ts';
export * from './prepare.ts';
export * from './sha256.ts';
export * from './shards.ts';
export * from './tar.ts';
export * from './tokenizer.ts';
export * from './views.ts';
export * from './vocabulary.ts';
export * from './transfer.ts';
