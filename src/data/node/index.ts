// Node-only data helpers (file system, downloads) for scripts/ and tests; never imported by
// browser code, which uses ../index.ts.
export * from './download.ts';
export * from './files.ts';
