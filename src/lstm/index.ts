// The recurrent cells of the kit, written from the chapters' equations.
export * from './activations';
export * from './random';
export * from './rnn';
export * from './rnn-tf';
export * from './weights';
export * from './cell';
export * from './sequence';
export * from './backward';
export * from './init';
export * from './one-unit';
export * from './cell-presets';
export * from './rnn-backward';
export * from './readout';
export * from './adam';
export * from './memory-task';
export * from './memory-train';
export * from './memory-experiment';
