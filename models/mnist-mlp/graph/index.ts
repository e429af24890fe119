// MLP graphs for the Digit lab: training steps and inference, built in code.
export { DEFAULT_SIZES, type MlpGraphConfig, type StepOptimizer, type TrainStepConfig } from './config';
export { drawDropoutMasks } from './dropout';
export { buildInferenceModel, INFERENCE_OPSET, type InferenceOptions, type LayerWeights } from './inference';
export { outName, trainStepSignature, type TrainStepSignature } from './signature';
export { initialTrainState, weightsFromState } from './state';
export { buildTrainStepModel, TRAIN_STEP_OPSET } from './train-step';
