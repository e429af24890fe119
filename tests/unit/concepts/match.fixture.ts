// A small hand-written knowledge base for the term-finder tests, independent
// of the real one in utils/concepts/kb.

import type { Concept, Topic } from '@/features/concepts/types';

function concept(
  id: string,
  topic: Topic,
  en: string,
  zh: string,
  aliasesEn: string[] = [],
  aliasesZh: string[] = [],
  ambiguous?: string[],
): Concept {
  return {
    id,
    topic,
    name: { en, zh },
    aliases: { en: aliasesEn, zh: aliasesZh },
    ...(ambiguous === undefined ? {} : { ambiguous }),
    summary: { en: `${en}.`, zh: `${zh}。` },
    intuition: { en: en, zh: zh },
    formulas: [],
    related: [],
    prerequisites: [],
  };
}

export const FIXTURE: readonly Concept[] = [
  concept('neuron', 'neuron', 'neuron', '神经元', ['artificial neuron'], ['人工神经元']),
  concept('neural-network', 'neuron', 'neural network', '神经网络', ['neural net'], []),
  concept('activation', 'neuron', 'activation', '激活值', [], ['激活']),
  concept('weight', 'neuron', 'weight', '权重', ['weight matrix'], ['权重矩阵'], ['weight']),
  concept('bias', 'neuron', 'bias', '偏置', ['bias term'], ['偏置项'], ['bias']),
  concept('gradient', 'training', 'gradient', '梯度', [], []),
  concept('gradient-descent', 'optimization', 'gradient descent', '梯度下降', [], []),
  concept('sgd', 'optimization', 'stochastic gradient descent', '随机梯度下降', ['SGD'], []),
  concept('backpropagation', 'training', 'backpropagation', '反向传播', ['back-propagation', 'backprop', 'BP'], ['反向传播算法'], ['BP']),
  concept('multilayer-perceptron', 'architecture', 'multilayer perceptron', '多层感知机', ['MLP', 'multi-layer perceptron'], [], ['MLP']),
  concept('perceptron', 'neuron', 'perceptron', '感知机', [], ['感知器']),
  concept('relu', 'neuron', 'ReLU', '线性整流函数', ['rectified linear unit'], []),
  concept('softmax', 'neuron', 'softmax', '归一化指数函数', ['softmax function'], []),
  concept('temperature', 'transformer', 'temperature', '温度', ['softmax temperature', 'softmax with temperature'], ['温度参数'], ['temperature']),
  concept('adam', 'optimization', 'Adam', 'Adam 优化器', ['Adam optimizer'], [], ['Adam']),
  concept('attention', 'transformer', 'attention', '注意力', ['self-attention', 'attention head', 'attention pattern'], ['注意力机制', '自注意力'], ['attention']),
  concept('token', 'transformer', 'token', '词元', [], [], ['token']),
  concept('embedding', 'transformer', 'embedding', '词嵌入', ['word embedding', 'embedding vector'], ['嵌入向量'], ['embedding']),
  concept('gpt', 'transformer', 'GPT', 'GPT', ['generative pre-trained transformer'], []),
  concept('cnn', 'architecture', 'convolutional neural network', '卷积神经网络', ['CNN', 'ConvNet'], []),
  concept('cross-entropy', 'training', 'cross-entropy', '交叉熵', ['cross-entropy loss'], ['交叉熵损失']),
  concept('learning-rate', 'optimization', 'learning rate', '学习率', [], []),
  concept('overfitting', 'regularization', 'overfitting', '过拟合', ['over-fitting'], []),
  concept('nonlinearity', 'neuron', 'nonlinearity', '非线性', [], []),
  concept('loss-function', 'training', 'loss function', '损失函数', ['cost function'], ['代价函数']),
];
