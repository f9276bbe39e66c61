// Word vectors: similarity, neighbours, projections, skip-gram training.
// The '.ts' extensions let Node run these files directly (scripts, with type stripping).
export * from './cosine.ts';
export * from './neighbours.ts';
export * from './analogy.ts';
export * from './pca.ts';
export * from './projector.ts';
export * from './skipgram.ts';
export * from './corpus.ts';
export * from './costs.ts';
export * from './lookup.ts';
export * from './plane.ts';
export * from './probes.ts';
export * from './training.ts';
export * from './word-map.ts';
export * from './skipgram-session.ts';
export * from './skipgram-view.ts';
