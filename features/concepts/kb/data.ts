// Data sets, splits, label encodings and how results are measured.

import type { Concept } from '../types';
import { S, tex } from './notation';

export const concepts: Concept[] = [
  {
    id: 'mnist',
    topic: 'data',
    name: { en: 'MNIST', zh: 'MNIST 数据集' },
    aliases: { en: ['MNIST dataset', 'MNIST database', 'handwritten digits'], zh: ['MNIST数据集', '手写数字数据集', '手写数字识别'] },
    summary: {
      en: 'MNIST is a collection of 70 000 handwritten digits, 60 000 for training and 10 000 for testing, each a 28×28 grayscale image labeled 0 to 9. It is the “hello world” of neural networks and the running example of 3Blue1Brown’s series, where a small 784-16-16-10 network learns to read it.',
      zh: 'MNIST 收录了 70 000 个手写数字，其中 60 000 个用于训练、10 000 个用于测试，每个都是 28×28 的灰度图像，标注为 0 到 9。它是神经网络界的“Hello World”，也是 3Blue1Brown 系列贯穿始终的例子：一个 784-16-16-10 的小网络学会识别它们。',
    },
    intuition: {
      en: 'Seventy thousand little pictures of scribbled digits, each with the right answer attached.',
      zh: '七万张潦草的手写数字小图，每张都附着正确答案。',
    },
    formulas: [
      {
        tex: tex`x \in [0, 1]^{28 \times 28} = [0, 1]^{784}, \qquad y \in \{0, 1, \dots, 9\}`,
        legend: [{ symbol: tex`x`, en: 'an image: one gray value per pixel', zh: '一张图像：每个像素一个灰度值' }, { symbol: tex`y`, en: 'its label, the digit it shows', zh: '它的标签，即图中的数字' }],
      },
    ],
    related: ['input-layer', 'multilayer-perceptron', 'training-set', 'test-set', 'convolutional-neural-network'],
    prerequisites: [],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'training-set',
    topic: 'data',
    name: { en: 'training set', zh: '训练集' },
    aliases: { en: ['training data', 'training examples', 'train set', 'training split'], zh: ['训练数据', '训练样本'] },
    summary: {
      en: 'The training set is the labeled data the model actually learns from: the cost that gradient descent minimizes is averaged over these examples. A low cost on the training set alone says little, since a flexible enough network can simply memorize it.',
      zh: '训练集是模型真正用来学习的带标签数据：梯度下降所最小化的代价，就是在这些样本上取的平均。仅凭训练集上的代价低说明不了什么，因为足够灵活的网络完全可以把它背下来。',
    },
    intuition: {
      en: 'The worked examples the student practises on.',
      zh: '学生拿来练习的那些例题。',
    },
    formulas: [
      {
        tex: tex`C_{\text{train}}(w) = \frac{1}{n} \sum_{k=0}^{n-1} C_k(w)`,
        legend: [S.n, S.Ck, S.w],
      },
    ],
    related: ['validation-set', 'test-set', 'overfitting', 'mnist'],
    prerequisites: [],
  },
  {
    id: 'validation-set',
    topic: 'data',
    name: { en: 'validation set', zh: '验证集' },
    aliases: { en: ['validation data', 'dev set', 'development set', 'held-out set', 'validation split'], zh: ['验证数据', '开发集'] },
    summary: {
      en: 'The validation set is labeled data kept out of training and used to make decisions: choosing hyperparameters, comparing architectures and deciding when to stop. Because those decisions are tuned to it, its score becomes slightly optimistic, which is why a separate test set is still needed.',
      zh: '验证集是不参与训练、专门用来做决策的带标签数据：选超参数、比较不同架构、决定何时停止训练。由于这些决策都是照着它调出来的，它上面的分数会略显乐观，所以还需要一个独立的测试集。',
    },
    intuition: {
      en: 'Mock exams used to decide how to keep studying.',
      zh: '用来决定接下来怎么复习的模拟考。',
    },
    formulas: [],
    related: ['training-set', 'test-set', 'hyperparameter', 'early-stopping', 'overfitting'],
    prerequisites: ['training-set'],
  },
  {
    id: 'test-set',
    topic: 'data',
    name: { en: 'test set', zh: '测试集' },
    aliases: { en: ['test data', 'test split', 'holdout test set'], zh: ['测试数据', '测试样本'] },
    summary: {
      en: 'The test set is labeled data the model never sees during training or tuning, used once at the end to estimate how it will perform on new data. 3Blue1Brown’s simple network reaches about 96% accuracy on the MNIST test images; if the test set influences any decision, its score stops being an honest estimate.',
      zh: '测试集是在训练和调参过程中模型都从未见过的带标签数据，只在最后用一次，用来估计模型面对新数据时的表现。3Blue1Brown 的简单网络在 MNIST 测试图像上的准确率约为 96%；一旦测试集影响了任何决策，它给出的分数就不再是诚实的估计。',
    },
    intuition: {
      en: 'The final exam with questions nobody has seen before.',
      zh: '一场题目谁都没见过的期末考试。',
    },
    formulas: [],
    related: ['training-set', 'validation-set', 'generalization', 'accuracy'],
    prerequisites: ['training-set'],
  },
  {
    id: 'one-hot-encoding',
    topic: 'data',
    name: { en: 'one-hot encoding', zh: '独热编码' },
    aliases: { en: ['one-hot', 'one hot encoding', 'one-hot vector'], zh: ['独热向量', 'one-hot 编码', '一位有效编码'] },
    summary: {
      en: 'One-hot encoding represents one of N categories as a vector of N zeros with a single 1 at the category’s position. The desired output of the digit network for a “3” is such a vector, and multiplying the embedding matrix by a token’s one-hot vector is the same as picking out that token’s column.',
      zh: '独热编码用一个长度为 N 的向量表示 N 个类别之一：向量全是 0，只有该类别所在的位置是 1。手写数字网络看到“3”时的期望输出就是这样一个向量；而用嵌入矩阵乘以某个词元的独热向量，恰好就是取出该词元对应的那一列。',
    },
    intuition: {
      en: 'A row of switches with exactly one turned on.',
      zh: '一排开关，只有一个是打开的。',
    },
    formulas: [
      {
        tex: tex`y = e_3 = (0, 0, 0, 1, 0, 0, 0, 0, 0, 0)^{\top}`,
        legend: [{ symbol: tex`e_3`, en: 'one-hot vector for the digit 3 (positions counted from 0)', zh: '数字 3 的独热向量（位置从 0 开始数）' }],
      },
    ],
    related: ['output-layer', 'cross-entropy', 'embedding', 'softmax'],
    prerequisites: [],
  },
  {
    id: 'accuracy',
    topic: 'data',
    name: { en: 'accuracy', zh: '准确率' },
    aliases: { en: ['classification accuracy', 'test accuracy', 'error rate'], zh: ['正确率', '测试准确率', '错误率'] },
    ambiguous: ['accuracy'],
    summary: {
      en: 'Accuracy is the fraction of examples for which the predicted class equals the true one. It is easy to read but can mislead on imbalanced data: a detector that always says “no fraud” is 99.9% accurate if fraud is rare, which is why a confusion matrix is often examined as well.',
      zh: '准确率是预测类别与真实类别一致的样本所占的比例。它直观易懂，但在类别不均衡时可能误导人：如果欺诈极少发生，一个永远回答“没有欺诈”的检测器准确率也能达到 99.9%，所以人们常常还要看混淆矩阵。',
    },
    intuition: {
      en: 'The percentage of questions answered correctly.',
      zh: '答对题目的百分比。',
    },
    formulas: [
      {
        tex: tex`\text{accuracy} = \frac{1}{n} \sum_{k=1}^{n} \mathbf{1}\!\left[\hat{y}_k = y_k\right]`,
        legend: [{ symbol: tex`\hat{y}_k`, en: 'predicted class of example k', zh: '样本 k 的预测类别' }, { symbol: tex`y_k`, en: 'true class of example k', zh: '样本 k 的真实类别' }, { symbol: tex`\mathbf{1}[\cdot]`, en: '1 if the condition holds, otherwise 0', zh: '条件成立取 1，否则取 0' }, { symbol: tex`n`, en: 'number of examples evaluated', zh: '参与评估的样本数' }],
      },
    ],
    related: ['confusion-matrix', 'test-set', 'loss-function'],
    prerequisites: ['test-set'],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'confusion-matrix',
    topic: 'data',
    name: { en: 'confusion matrix', zh: '混淆矩阵' },
    aliases: { en: ['error matrix'], zh: ['精确率', '召回率'] },
    summary: {
      en: 'A confusion matrix counts, for every pair of true and predicted classes, how many examples fell into that cell. The diagonal holds the correct answers and the off-diagonal cells show which mistakes are common, for instance how often a 4 is read as a 9; precision and recall are read off it.',
      zh: '混淆矩阵对每一对“真实类别、预测类别”统计落入其中的样本数。对角线上是答对的，非对角线上的格子则显示哪些错误最常见，比如 4 被认成 9 的次数；精确率和召回率也都从它算出来。',
    },
    intuition: {
      en: 'A table of who gets mistaken for whom.',
      zh: '一张“谁常被错认成谁”的表。',
    },
    formulas: [
      {
        tex: tex`M_{ij} = \#\{k : y_k = i,\ \hat{y}_k = j\}, \qquad \text{precision}_j = \frac{M_{jj}}{\sum_i M_{ij}}, \quad \text{recall}_i = \frac{M_{ii}}{\sum_j M_{ij}}`,
        legend: [{ symbol: tex`M_{ij}`, en: 'number of examples of true class i predicted as j', zh: '真实类别为 i、被预测为 j 的样本数' }, { symbol: tex`\#`, en: 'number of elements in the set', zh: '集合中元素的个数' }],
      },
    ],
    related: ['accuracy', 'test-set'],
    prerequisites: ['accuracy'],
  },
  {
    id: 'data-augmentation',
    topic: 'data',
    name: { en: 'data augmentation', zh: '数据增强' },
    aliases: { en: ['augmentation', 'augmented data'], zh: ['数据扩增', '数据扩充'] },
    ambiguous: ['augmentation'],
    summary: {
      en: 'Data augmentation creates extra training examples by applying label-preserving changes to existing ones: shifting, rotating, cropping or adding noise to images, paraphrasing text. It teaches the model which changes should not matter and is one of the cheapest and most effective ways to reduce overfitting.',
      zh: '数据增强对已有样本施加不改变标签的变换来制造更多训练样本：对图像做平移、旋转、裁剪或加噪声，对文本做改写等。它让模型学会哪些变化无关紧要，是减轻过拟合最便宜也最有效的办法之一。',
    },
    intuition: {
      en: 'Showing the same digit slightly shifted or tilted, so the model learns that a 7 is still a 7.',
      zh: '把同一个数字稍微挪一挪、歪一歪再给模型看，让它明白 7 歪了还是 7。',
    },
    formulas: [
      {
        tex: tex`\tilde{x} = \tau(x), \quad \tau \sim \mathcal{T}, \qquad \text{train on } (\tilde{x}, y)`,
        legend: [{ symbol: tex`\tau`, en: 'a random transformation that keeps the label (shift, rotation, ...)', zh: '不改变标签的随机变换（平移、旋转等）' }, { symbol: tex`\mathcal{T}`, en: 'the family of allowed transformations', zh: '允许使用的变换族' }, S.y],
      },
    ],
    related: ['regularization', 'overfitting', 'training-set'],
    prerequisites: ['training-set', 'overfitting'],
  },
];
