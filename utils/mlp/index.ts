// The reference multilayer perceptron in plain TypeScript: one import for the lab.
export * from './activations';
export * from './augment';
export * from './costs';
export * from './dataset';
export * from './init';
export * from './network';
export * from './optimizers';
export * from './rng';
export * from './training';
export * from './weights';
