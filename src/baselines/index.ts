// Baselines for the sentiment chapter: a random forest and a bag-of-words logistic regression.
// The '.ts' extensions let Node run these files directly (scripts, with type stripping).
export * from './fit.ts';
export * from './bins.ts';
export * from './decision-tree.ts';
export * from './random-forest.ts';
export * from './bag-of-words.ts';
export * from './lbfgs.ts';
export * from './logistic-regression.ts';
export * from './metrics.ts';
export * from './imdb.ts';
export * from './verdict.ts';
export * from './fit-run.ts';
