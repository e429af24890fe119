// MLP graphs for the Digit lab: training steps and inference, built in code.
export { DEFAULT_SIZES, type MlpGraphConfig, type StepOptimizer, type TrainStepConfig } from '@/models/mnist-mlp/graph/config';
export { drawDropoutMasks } from '@/models/mnist-mlp/graph/dropout';
export { buildInferenceModel, INFERENCE_OPSET, type InferenceOptions, type LayerWeights } from '@/models/mnist-mlp/graph/inference';
export { outName, trainStepSignature, type TrainStepSignature } from '@/models/mnist-mlp/graph/signature';
export { initialTrainState, weightsFromState } from '@/models/mnist-mlp/graph/state';
export { buildTrainStepModel, TRAIN_STEP_OPSET } from '@/models/mnist-mlp/graph/train-step';
