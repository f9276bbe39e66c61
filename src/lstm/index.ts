// The recurrent cells of the kit, written from the chapters' equations.
export * from './cell/activations';
export * from './cell/random';
export * from './cell/rnn';
export * from './cell/rnn-tf';
export * from './cell/weights';
export * from './cell/cell';
export * from './cell/sequence';
export * from './cell/backward';
export * from './cell/init';
export * from './cell/one-unit';
export * from './cell/cell-presets';
export * from './cell/rnn-backward';
export * from './cell/readout';
export * from './memory/adam';
export * from './memory/task';
export * from './memory/train';
export * from './memory/experiment';
