// The reference multilayer perceptron in plain TypeScript: one import for the lab.
export * from '@/models/mnist-mlp/reference/activations';
export * from '@/models/mnist-mlp/reference/augment';
export * from '@/models/mnist-mlp/reference/backprop';
export * from '@/models/mnist-mlp/reference/costs';
export * from '@/models/mnist-mlp/reference/dataset';
export * from '@/models/mnist-mlp/reference/init';
export * from '@/models/mnist-mlp/reference/network';
export * from '@/models/mnist-mlp/reference/optimizers';
export * from '@/lib/rng';
export * from '@/models/mnist-mlp/reference/training';
export * from '@/models/mnist-mlp/reference/weights';
