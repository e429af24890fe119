// Cue words for everyday terms (data only; the rules are in context.ts).
//
// A cue is a word that, seen near an ambiguous term in the same sentence,
// tells which sense is meant. Positive cues are collocations of the deep-
// learning sense ("Adam optimizer", "attention head", "weights and biases",
// "softmax with temperature"); negative cues are collocations of the
// everyday sense ("Adam Smith", "attention span", "a bias in the survey",
// "the weight of the parcel", "the temperature outside", "a token of thanks",
// "embedding a video"). All English cues are lower case, whole tokens.

export interface CueTable {
  positive: readonly string[];
  negative: readonly string[];
  /** Chinese cue substrings for mixed text ("用 Adam 优化器"). */
  zhPositive?: readonly string[];
  /** Chinese substrings of the everyday sense (随机采样 of 子序列 or 样本 is drawing data, not sampling a token). */
  zhNegative?: readonly string[];
  /** The word is also a given name: "Adam Smith", "Mr Adam" are people. */
  givenName?: boolean;
  /** Fixed everyday phrases that contain the term, matched around it. */
  idioms?: readonly { before?: RegExp; after?: RegExp }[];
}

/** Words of the deep-learning register that vouch for any everyday term. */
export const GENERIC_POSITIVE: readonly string[] = [
  'neural', 'network', 'networks', 'neuron', 'neurons', 'layer', 'layers', 'gradient', 'gradients',
  'backpropagation', 'backprop', 'training', 'trained', 'train', 'model', 'models', 'parameter',
  'parameters', 'loss', 'cost', 'logits', 'transformer', 'transformers', 'optimizer', 'optimiser',
  'deep', 'mlp', 'cnn', 'rnn', 'lstm', 'gpt', 'llm', 'dataset', 'epoch', 'epochs', 'tensor', 'tensors',
  'hyperparameter', 'hyperparameters', 'softmax', 'sigmoid', 'relu', 'perceptron', 'activation',
  'activations', 'weight', 'weights', 'bias', 'biases', 'backward', 'forward', 'propagation',
  'optimization', 'mnist', 'classifier', 'embeddings', 'tokens', 'attention',
];

/** Chinese deep-learning words, matched as substrings near the term. */
export const GENERIC_ZH_POSITIVE: readonly string[] = [
  '神经网络', '神经元', '网络', '模型', '训练', '梯度', '参数', '优化器', '优化', '学习率', '注意力',
  '权重', '偏置', '词元', '嵌入', '向量', '矩阵', '层', '采样', '概率', '损失', '激活', '反向传播',
  '深度学习', '机器学习', '温度',
];

/**
 * Possessives of people just before a term mark the everyday sense ("my
 * attention", "his weight", "your bias"). "its"/"their" are left out: "the
 * network adjusts its weights" is the deep-learning sense.
 */
export const PERSONAL_POSSESSIVES: readonly string[] = ['my', 'your', 'his', 'her'];

/** Titles that make the next capitalised word a person's name. */
export const TITLES: readonly string[] = ['mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'saint', 'st'];

export const TERM_CUES: Readonly<Record<string, CueTable>> = {
  adam: {
    givenName: true,
    positive: [
      'optimizer', 'optimiser', 'optimizers', 'optimization', 'optimisation', 'learning', 'rate',
      'momentum', 'rmsprop', 'sgd', 'adagrad', 'adamw', 'beta1', 'beta2', 'epsilon', 'kingma',
      'update', 'updates', 'step', 'steps', 'converge', 'converges', 'convergence', 'moment',
      'moments', 'algorithm', 'solver',
    ],
    negative: [
      'smith', 'sandler', 'eve', 'eden', 'garden', 'driver', 'levine', 'savage', 'said', 'says',
      'told', 'asked', 'wrote', 'he', 'she', 'son', 'brother', 'father', 'friend', 'wife', 'uncle',
      'neighbour', 'neighbor', 'born', 'birthday', 'married',
    ],
    zhPositive: ['优化器', '优化', '学习率', '动量'],
  },
  attention: {
    positive: [
      'pattern', 'patterns', 'head', 'heads', 'layer', 'layers', 'mechanism', 'mechanisms', 'weights',
      'score', 'scores', 'matrix', 'block', 'blocks', 'query', 'queries', 'key', 'keys', 'value',
      'values', 'softmax', 'token', 'tokens', 'self', 'multi', 'masked', 'causal', 'cross', 'context',
      'embedding', 'embeddings', 'sequence', 'gpt', 'transformer', 'transformers',
    ],
    negative: [
      'span', 'spans', 'deficit', 'pay', 'paid', 'pays', 'paying', 'give', 'gives', 'giving', 'gave', 'draw', 'drew', 'drawn', 'draws',
      'caught', 'catch', 'attract', 'attracts', 'attracted', 'grab', 'grabs', 'grabbed', 'undivided',
      'full', 'close', 'closer', 'medical', 'immediate', 'please', 'detail', 'details', 'seeking',
      'seeker', 'media', 'public', 'press', 'spotlight', 'audience', 'students', 'child', 'children',
    ],
    zhPositive: ['注意力', '头', '模式', '词元', '权重', '分数', '矩阵', '掩码', '查询', '汇聚', '计算', 'softmax', 'Transformer', '自注意力'],
  },
  bias: {
    positive: [
      'weight', 'weights', 'neuron', 'neurons', 'term', 'terms', 'vector', 'vectors', 'unit', 'units',
      'activation', 'activations', 'sigmoid', 'relu', 'add', 'added', 'adds', 'adding', 'plus', 'sum',
      'weighted', 'threshold', 'b', 'initialize', 'initialized', 'initialization', 'node', 'nodes',
      'learnable', 'trainable', 'offset', 'shift', 'shifts',
    ],
    negative: [
      'survey', 'surveys', 'poll', 'polls', 'respondents', 'confirmation', 'cognitive', 'racial',
      'gender', 'political', 'media', 'unconscious', 'implicit', 'against', 'prejudice', 'judge',
      'jury', 'opinion', 'opinions', 'selection', 'reporting', 'news', 'hiring', 'favour', 'favor',
      'personal', 'own', 'interviewer', 'referee', 'unfair', 'discrimination',
      // Statistics' bias: of an estimator, against variance, corrected for.
      'estimator', 'estimators', 'estimate', 'estimates', 'unbiased', 'variance', 'statistical', 'statistics',
      'inductive', 'systematic', 'correction', 'corrected', 'sampling',
    ],
    zhPositive: ['偏置', '权重', '神经元'],
  },
  weight: {
    positive: [
      'matrix', 'matrices', 'bias', 'biases', 'connection', 'connections', 'neuron', 'neurons', 'sum',
      'weighted', 'update', 'updates', 'updated', 'initialization', 'initialize', 'initialized',
      'random', 'randomly', 'edge', 'edges', 'synapse', 'synapses', 'w', 'input', 'inputs', 'learned',
      'learnable', 'trainable', 'tied', 'sharing', 'shared', 'vector', 'activation', 'activations',
      'pixel', 'pixels',
    ],
    negative: [
      'kg', 'kilogram', 'kilograms', 'kilo', 'kilos', 'pound', 'pounds', 'lb', 'lbs', 'gram', 'grams',
      'ounce', 'ounces', 'ton', 'tons', 'tonnes', 'parcel', 'parcels', 'package', 'packages', 'luggage',
      'baggage', 'suitcase', 'lose', 'losing', 'gain', 'gained', 'gaining', 'body', 'heavy', 'carry',
      'carried', 'carries', 'carrying', 'scale', 'scales', 'lifting', 'lift', 'gym', 'diet', 'height',
      'pregnancy', 'baby', 'birth', 'atomic', 'molecular', 'dumbbell', 'shoulders',
    ],
    zhPositive: ['权重', '偏置', '神经元', '矩阵'],
    // "loss" is jargon elsewhere, but "weight loss" is dieting.
    // "the weights of the other possible tokens": how much each option counts, not a network's weights.
    idioms: [{ after: /^\s+(?:loss|watchers)\b/i }, { after: /^\s+of\s+(?:the\s+)?(?:other\s+)?(?:possible\s+)?(?:tokens?|words?|options?|outcomes?|evidence)\b/i }],
  },
  temperature: {
    positive: [
      'softmax', 'sampling', 'sample', 'samples', 'sampled', 'logits', 'logit', 'probability',
      'probabilities', 'distribution', 'distributions', 'gpt', 'generation', 'generate', 'generates',
      'generated', 'output', 'outputs', 'token', 'tokens', 'top', 'randomness', 'creative',
      'creativity', 'divide', 'divided', 'dividing', 'scaled', 'hyperparameter', 'annealing',
      'distillation', 'greedy', 'peaked', 'sharper', 'flatter', 'chatgpt', 'llm', 'text', 'words',
    ],
    negative: [
      'outside', 'outdoors', 'weather', 'degrees', 'degree', 'celsius', 'fahrenheit', 'room', 'body',
      'fever', 'water', 'oven', 'air', 'cold', 'hot', 'warm', 'warmer', 'colder', 'today', 'tomorrow',
      'tonight', 'forecast', 'climate', 'thermometer', 'rise', 'rising', 'rose', 'freezing', 'boiling',
      'ocean', 'sea', 'surface', 'global', 'patient', 'summer', 'winter', 'indoor', 'city',
    ],
    zhPositive: ['温度', '采样', '概率', 'softmax'],
  },
  token: {
    positive: [
      'tokens', 'tokenizer', 'tokenizers', 'tokenization', 'tokenize', 'tokenized', 'vocabulary',
      'vocab', 'embedding', 'embeddings', 'sequence', 'sequences', 'text', 'context', 'gpt', 'input',
      'output', 'next', 'predict', 'predicts', 'predicted', 'prediction', 'subword', 'subwords', 'bpe',
      'word', 'words', 'id', 'ids', 'position', 'positional', 'attention', 'character', 'characters',
      'piece', 'pieces', 'vector', 'vectors', 'generated', 'generate', 'generates', 'sampled',
      'probability', 'window',
    ],
    negative: [
      'thanks', 'thank', 'gratitude', 'appreciation', 'gesture', 'coin', 'coins', 'subway', 'bus',
      'arcade', 'gift', 'esteem', 'affection', 'love', 'remembrance', 'friendship', 'goodwill',
      'respect', 'access', 'auth', 'authentication', 'bearer', 'jwt', 'session', 'csrf', 'login',
      'password', 'oauth', 'expired', 'refresh', 'api', 'crypto', 'nft', 'blockchain', 'ethereum',
      'erc', 'wallet', 'fare',
    ],
    zhPositive: ['词元', '词表', '嵌入', '序列'],
    idioms: [{ before: /\bby the same\s*$/i }],
  },
  embedding: {
    positive: [
      'vector', 'vectors', 'space', 'spaces', 'dimension', 'dimensions', 'dimensional', 'matrix',
      'token', 'tokens', 'word', 'words', 'lookup', 'table', 'learned', 'semantic', 'direction',
      'directions', 'cosine', 'similarity', 'position', 'positional', 'unembedding', 'dot', 'product',
      'meaning', 'gpt', 'transformer', 'king', 'queen', 'numbers',
    ],
    negative: [
      'video', 'videos', 'youtube', 'tweet', 'tweets', 'iframe', 'map', 'maps', 'image', 'images',
      'widget', 'widgets', 'html', 'snippet', 'player', 'website', 'webpage', 'blog', 'post', 'posts',
      'journalist', 'journalists', 'reporter', 'reporters', 'military', 'troops', 'font', 'fonts', 'pdf',
      'instagram', 'facebook', 'spreadsheet', 'chart', 'podcast', 'playlist',
    ],
    zhPositive: ['嵌入', '向量', '词元'],
  },
  loss: {
    positive: ['function', 'functions', 'gradient', 'gradients', 'minimize', 'minimise', 'minimizing', 'decrease', 'decreases', 'curve', 'curves', 'validation', 'cross', 'entropy', 'squared', 'average', 'landscape', 'surface'],
    negative: [
      'weight', 'hair', 'hearing', 'memory', 'profit', 'profits', 'revenue', 'money', 'financial', 'life', 'lives', 'grief', 'sales', 'job', 'jobs', 'tax', 'insurance', 'blood', 'appetite', 'sleep', 'heat', 'deeply', 'sense', 'family', 'mourning', 'war',
    ],
    zhPositive: ['损失', '代价'],
  },
  cost: {
    positive: ['function', 'functions', 'gradient', 'gradients', 'minimize', 'minimise', 'minimizing', 'decrease', 'decreases', 'average', 'quadratic', 'landscape', 'surface', 'example', 'examples'],
    negative: [
      'living', 'shipping', 'price', 'prices', 'dollars', 'euros', 'money', 'financial', 'cheap', 'expensive', 'budget', 'tax', 'taxes', 'rent', 'tickets', 'ticket', 'labour', 'labor', 'health', 'care', 'fuel', 'energy', 'opportunity', 'pay', 'paid', 'afford', 'lives', 'ran',
    ],
    idioms: [{ before: /\bat all\s*$/i }],
    zhPositive: ['代价', '损失'],
  },
  gradient: {
    positive: ['descent', 'cost', 'loss', 'backpropagation', 'derivative', 'derivatives', 'partial', 'vector', 'compute', 'computed', 'computing', 'negative', 'step', 'steps', 'vanishing', 'exploding', 'clipping', 'norm', 'chain', 'parameters'],
    negative: ['color', 'colour', 'colors', 'colours', 'css', 'fill', 'background', 'hill', 'road', 'concentration', 'pressure', 'radial', 'wind', 'thermal', 'sunset', 'sky', 'photoshop', 'ramp'],
    zhPositive: ['梯度', '导数'],
  },
  activation: {
    positive: ['neuron', 'neurons', 'function', 'functions', 'layer', 'layers', 'previous', 'sigmoid', 'relu', 'value', 'values', 'weighted', 'brightness', 'pixel', 'pixels', 'output'],
    negative: ['account', 'code', 'license', 'licence', 'product', 'windows', 'email', 'link', 'sim', 'card', 'muscle', 'muscles', 'fee', 'subscription', 'software', 'energy', 'enzyme', 'brain', 'phone'],
    zhPositive: ['激活'],
  },
  layer: {
    positive: ['hidden', 'input', 'output', 'neuron', 'neurons', 'activations', 'weights', 'biases', 'previous', 'next', 'deep', 'fully', 'connected', 'dense', 'convolutional', 'pooling', 'attention', 'transformer', 'network', 'last', 'first', 'second', 'third', 'final'],
    negative: ['paint', 'ozone', 'cake', 'dust', 'skin', 'snow', 'ice', 'soil', 'rock', 'clothing', 'clothes', 'photoshop', 'osi', 'protocol', 'transport', 'cheese', 'fabric', 'wool', 'onion', 'sediment', 'makeup', 'cream', 'brain', 'cortex', 'atmosphere', 'thin', 'thick', 'jacket', 'sauce', 'frosting', 'varnish'],
    zhPositive: ['层', '神经元'],
  },
  neuron: {
    positive: ['activation', 'activations', 'layer', 'layers', 'hidden', 'output', 'input', 'weights', 'bias', 'sigmoid', 'relu', 'artificial', 'number', 'network', 'lights', 'fires'],
    negative: ['brain', 'brains', 'biological', 'biology', 'motor', 'sensory', 'dopamine', 'axon', 'axons', 'dendrite', 'dendrites', 'neurotransmitter', 'neurotransmitters', 'cortex', 'spinal', 'cord', 'cells', 'neuroscience', 'neuroscientists', 'disease', 'mirror', 'human', 'mouse', 'rat'],
    zhPositive: ['神经元'],
  },
  mlp: {
    positive: ['perceptron', 'hidden', 'layers', 'classifier', 'block', 'blocks', 'transformer'],
    negative: ['pony', 'ponies', 'little', 'hasbro', 'equestria', 'brony', 'bronies', 'fandom', 'episode', 'episodes', 'season'],
  },
  bp: {
    positive: ['algorithm', 'backpropagation', 'gradient', 'gradients', 'chain', 'rule', 'errors', 'error'],
    negative: ['oil', 'gas', 'petroleum', 'spill', 'station', 'shares', 'stock', 'blood', 'pressure', 'mmhg', 'hypertension', 'patient', 'systolic', 'diastolic', 'fuel', 'pump', 'ceo', 'refinery', 'deepwater'],
  },
  momentum: {
    positive: ['sgd', 'optimizer', 'gradient', 'gradients', 'descent', 'velocity', 'beta', 'update', 'updates', 'learning', 'rate', 'nesterov', 'coefficient', 'term'],
    negative: ['campaign', 'political', 'economic', 'market', 'markets', 'team', 'game', 'season', 'mass', 'physics', 'gained', 'lost', 'lose', 'losing', 'collision', 'angular', 'conservation', 'stocks', 'sales'],
  },
  dropout: {
    positive: ['rate', 'layer', 'layers', 'regularization', 'regularisation', 'overfitting', 'probability', 'neurons', 'units', 'training', 'inference', 'mask'],
    negative: ['school', 'college', 'university', 'high', 'student', 'students', 'rates', 'education', 'signal', 'audio', 'wifi', 'connection', 'call'],
  },
  epoch: {
    positive: ['training', 'train', 'trained', 'batch', 'batches', 'dataset', 'loss', 'accuracy', 'validation', 'each', 'every', 'after', 'per'],
    negative: ['geological', 'historical', 'history', 'era', 'century', 'centuries', 'holocene', 'pleistocene', 'unix', 'timestamp', 'astronomy', 'new'],
  },
  batch: {
    positive: ['size', 'sizes', 'mini', 'gradient', 'gradients', 'training', 'examples', 'normalization', 'normalisation', 'norm', 'dataset', 'epoch', 'sgd'],
    negative: ['cookies', 'cookie', 'bake', 'baked', 'baking', 'dough', 'recipe', 'cake', 'email', 'emails', 'file', 'files', 'shipment', 'beer', 'brew', 'soup'],
  },
  kernel: {
    positive: ['convolution', 'convolutional', 'filter', 'filters', 'size', 'stride', 'pixels', 'image', 'feature', 'weights', 'cnn', 'pooling', 'channels', 'padding'],
    negative: [
      'linux', 'os', 'operating', 'system', 'panic', 'module', 'modules', 'driver', 'drivers', 'popcorn', 'corn', 'nut', 'wheat', 'seed', 'truth', 'jupyter', 'restart', 'crashed',
      // A GPU kernel is a compiled routine, not a convolution's weights.
      'cuda', 'gpu', 'gpus', 'launch', 'launches', 'fused', 'fusion', 'triton', 'operator', 'operators', 'op', 'ops',
      // Kernel methods (SVMs, Gaussian processes, kernel regression) measure similarity.
      'trick', 'svm', 'svms', 'methods', 'method', 'rbf', 'gaussian', 'gp', 'gps', 'polynomial', 'regression', 'density', 'similarity', 'hilbert', 'mercer',
    ],
    zhNegative: ['算子', '内核', 'CUDA', 'GPU', '显卡'],
  },
  filter: {
    positive: ['convolution', 'convolutional', 'kernel', 'kernels', 'feature', 'weights', 'cnn', 'stride', 'layer', 'channels'],
    negative: ['coffee', 'water', 'air', 'spam', 'email', 'instagram', 'photo', 'search', 'results', 'oil', 'cigarette', 'camera', 'lens', 'price', 'category'],
  },
  transformer: {
    positive: ['attention', 'gpt', 'tokens', 'token', 'embedding', 'embeddings', 'layer', 'layers', 'block', 'blocks', 'encoder', 'decoder', 'architecture', 'language', 'model', 'bert', 'self'],
    negative: ['voltage', 'electrical', 'electric', 'power', 'grid', 'substation', 'coil', 'coils', 'windings', 'toy', 'toys', 'robot', 'optimus', 'prime', 'autobots', 'movie', 'amps', 'hum'],
  },
  head: {
    positive: ['attention', 'multi', 'heads', 'query', 'key', 'value', 'layer', 'transformer', 'each', 'per', 'classification', 'output'],
    negative: ['his', 'her', 'shook', 'nodded', 'nod', 'hair', 'hat', 'ache', 'headache', 'injury', 'coach', 'teacher', 'school', 'department', 'state', 'office', 'toward', 'towards', 'hit', 'shoulders'],
  },
  cnn: {
    positive: ['convolutional', 'convolution', 'image', 'images', 'filters', 'filter', 'kernel', 'kernels', 'pooling', 'classifier', 'layers', 'pixels', 'feature', 'features', 'imagenet', 'resnet', 'alexnet'],
    negative: ['news', 'anchor', 'anchors', 'correspondent', 'reported', 'reports', 'reporter', 'interview', 'television', 'tv', 'channel', 'fox', 'msnbc', 'bbc', 'according', 'told', 'poll', 'debate', 'host', 'broadcast', 'headline', 'headlines'],
  },
  sgd: {
    positive: ['learning', 'momentum', 'optimizer', 'optimiser', 'gradient', 'gradients', 'batch', 'mini', 'descent', 'converge', 'converges', 'adam', 'step', 'steps', 'update', 'updates'],
    negative: ['usd', 'eur', 'gbp', 'jpy', 'currency', 'exchange', 'dollar', 'dollars', 'singapore', 'price', 'prices', 'forex', 'fx', 'bank', 'paid', 'salary', 'million', 'billion', 'fee', 'fees'],
  },
  bn: {
    positive: ['layer', 'layers', 'normalization', 'normalisation', 'batch', 'relu', 'conv', 'activations', 'statistics', 'mean', 'variance', 'training', 'inference'],
    negative: ['usd', 'dollars', 'revenue', 'billion', 'profit', 'profits', 'deal', 'worth', 'valued', 'valuation', 'market', 'funding', 'bengali', 'bangla', 'sales'],
  },
  rl: {
    positive: ['reward', 'rewards', 'agent', 'agents', 'policy', 'environment', 'rlhf', 'feedback', 'learning', 'q', 'value', 'actions', 'action', 'episode', 'episodes'],
    negative: ['real', 'life', 'friends', 'meet', 'meetup', 'irl'],
  },
  diffusion: {
    positive: ['model', 'models', 'image', 'images', 'denoising', 'noise', 'generative', 'stable', 'steps', 'sampling', 'ddpm', 'latent', 'score', 'unet', 'prompt'],
    negative: ['gas', 'gases', 'heat', 'molecules', 'molecule', 'innovation', 'innovations', 'cultural', 'osmosis', 'concentration', 'membrane', 'particles', 'liquid', 'ink', 'technology', 'ideas', 'light', 'ions', 'coefficient'],
  },
  accuracy: {
    positive: ['test', 'validation', 'training', 'classifier', 'model', 'top', 'percent', 'dataset', 'benchmark', 'mnist', 'imagenet', 'epoch', 'epochs', 'loss', 'predictions'],
    negative: ['historical', 'factual', 'claims', 'claim', 'report', 'reporting', 'news', 'shooting', 'aim', 'throw', 'throws', 'rifle', 'archer', 'forecast', 'watch', 'clock', 'translation', 'quote'],
  },
  precision: {
    positive: ['recall', 'f1', 'score', 'classifier', 'positives', 'false', 'true', 'positive', 'negatives', 'metric', 'metrics', 'threshold', 'retrieval', 'confusion'],
    negative: ['engineering', 'machining', 'instrument', 'instruments', 'surgical', 'timing', 'half', 'mixed', 'single', 'double', 'float', 'floating', 'fp16', 'fp32', 'bf16', 'bits', 'bit', 'numerical', 'arithmetic', 'decimal', 'military', 'strike', 'strikes', 'guided', 'craftsmanship'],
  },
  recall: {
    positive: ['precision', 'f1', 'score', 'classifier', 'positives', 'negatives', 'true', 'false', 'metric', 'metrics', 'threshold', 'retrieval', 'confusion', 'sensitivity'],
    negative: [
      'i', 'we', 'you', 'they', 'he', 'she', 'can', 'cannot', 'could', 'don', 't', 'let', 'us', 'product', 'products', 'vehicle', 'vehicles', 'car', 'cars', 'safety', 'manufacturer', 'fda', 'election', 'petition', 'governor', 'voters', 'memory', 'total',
    ],
  },
  augmentation: {
    positive: ['data', 'image', 'images', 'training', 'dataset', 'flips', 'flip', 'crops', 'crop', 'cropping', 'rotation', 'rotations', 'random', 'noise', 'overfitting', 'mixup', 'cutout'],
    negative: ['breast', 'surgery', 'cosmetic', 'income', 'salary', 'pension', 'bone', 'dental', 'labor', 'labour', 'workforce', 'staff'],
  },
  vocabulary: {
    positive: ['tokens', 'token', 'size', 'tokenizer', 'embedding', 'embeddings', 'bpe', 'subword', 'subwords', 'model', 'ids', 'id', 'softmax', 'logits', 'entries'],
    negative: ['child', 'children', 'english', 'spanish', 'french', 'german', 'learners', 'learner', 'students', 'student', 'exam', 'test', 'reading', 'rich', 'limited', 'teacher', 'flashcards', 'his', 'her'],
  },
  tokenization: {
    positive: ['bpe', 'subword', 'subwords', 'text', 'tokens', 'token', 'vocabulary', 'vocab', 'gpt', 'model', 'words', 'characters', 'bytes', 'sentencepiece', 'wordpiece'],
    negative: ['payment', 'payments', 'card', 'cards', 'credit', 'pci', 'security', 'blockchain', 'asset', 'assets', 'estate', 'securities', 'stocks', 'bank', 'banks', 'merchant', 'merchants'],
  },
  'fine tuning': {
    positive: ['model', 'models', 'pretrained', 'pre', 'trained', 'dataset', 'task', 'tasks', 'lora', 'weights', 'gpt', 'bert', 'llm', 'downstream', 'learning', 'rate', 'epochs', 'layers', 'instruction', 'rlhf'],
    negative: ['universe', 'constants', 'cosmological', 'recipe', 'recipes', 'engine', 'guitar', 'piano', 'strategy', 'speech', 'budget', 'car', 'radio'],
  },
  generalization: {
    positive: ['error', 'gap', 'test', 'training', 'overfitting', 'data', 'unseen', 'model', 'models', 'bound', 'bounds', 'performance', 'dataset', 'examples'],
    negative: ['sweeping', 'hasty', 'stereotypes', 'stereotype', 'racial', 'people', 'women', 'men', 'broad', 'unfair', 'crude', 'gross', 'lazy'],
    // "generalized linear model", "generalized attention": the adjective, not the learning sense.
    idioms: [{ after: /^\s+(?:linear|attention|advantage|additive|eigen\w*|lagrang\w*|form|version|coordinates?|framework|method)\b/i }],
  },
  superposition: {
    positive: ['features', 'feature', 'neurons', 'neuron', 'dimensions', 'dimension', 'directions', 'polysemantic', 'model', 'models', 'interpretability', 'sparse', 'anthropic', 'toy'],
    negative: ['quantum', 'qubit', 'qubits', 'state', 'states', 'wave', 'waves', 'principle', 'physics', 'cat', 'schrödinger', 'schrodinger', 'particle', 'particles', 'electron', 'photon'],
  },
  pooling: {
    positive: ['max', 'average', 'layer', 'layers', 'feature', 'map', 'maps', 'cnn', 'convolution', 'convolutional', 'stride', 'window', 'spatial', 'global', 'downsampling'],
    negative: ['car', 'carpooling', 'resources', 'money', 'funds', 'risk', 'water', 'blood', 'talent', 'insurance', 'mining', 'ride', 'rides', 'commute', 'savings'],
  },
  derivative: {
    positive: ['function', 'functions', 'respect', 'partial', 'slope', 'compute', 'computed', 'chain', 'rule', 'gradient', 'sigmoid', 'relu', 'activation', 'loss', 'cost', 'input', 'zero', 'weight', 'calculus', 'tangent', 'second', 'first'],
    negative: ['market', 'markets', 'trading', 'traders', 'financial', 'bank', 'banks', 'contract', 'contracts', 'copyright', 'film', 'films', 'unoriginal', 'exposure'],
    zhPositive: ['导数', '梯度', '函数'],
  },
  slope: {
    positive: ['tangent', 'line', 'curve', 'function', 'graph', 'derivative', 'gradient', 'steep', 'steeper', 'negative', 'positive', 'cost', 'loss', 'point', 'zero'],
    negative: ['ski', 'skiing', 'hill', 'hills', 'mountain', 'slippery', 'road', 'roof', 'snow', 'gentle', 'grassy', 'river', 'valley', 'climb', 'climbed'],
    zhPositive: ['斜率', '导数'],
  },
  sampling: {
    positive: ['temperature', 'token', 'tokens', 'top', 'nucleus', 'greedy', 'logits', 'probability', 'probabilities', 'distribution', 'softmax', 'generation', 'decoding', 'next', 'seed', 'model', 'llm'],
    negative: [
      'survey', 'surveys', 'poll', 'respondents', 'music', 'hip', 'hop', 'beat', 'beats', 'soil', 'water', 'blood', 'wine', 'food', 'free', 'rate', 'audio',
      // Drawing examples or batches from a dataset is not sampling from the model's distribution.
      'batch', 'batches', 'minibatch', 'minibatches', 'mini', 'dataset', 'datasets', 'examples', 'replacement', 'importance', 'stratified',
    ],
    zhPositive: ['温度', '词元', '概率', '分布', '生成', '解码', '贪心', '随机种子', 'top', 'softmax', '下一个'],
    zhNegative: ['样本', '子序列', '小批量', '数据集', '训练集', '分区', '偏移量', '抽样'],
  },
  warmup: {
    positive: ['learning', 'rate', 'rates', 'steps', 'step', 'linear', 'linearly', 'schedule', 'scheduler', 'phase', 'iterations', 'epochs', 'optimizer', 'lr', 'cosine', 'decay', 'adam'],
    negative: ['exercise', 'exercises', 'quick', 'match', 'game', 'stretch', 'stretching', 'singers', 'question', 'questions'],
    zhPositive: ['学习率', '步', '线性', '调度', '优化器', '衰减'],
    // "As a warm-up, we train ...": a first easy exercise.
    idioms: [{ before: /\bas\s+an?\s+(?:\w+\s+)?$/i }],
  },
  convergence: {
    positive: ['training', 'gradient', 'descent', 'loss', 'optimizer', 'optimization', 'learning', 'rate', 'iterations', 'steps', 'minimum', 'minima', 'faster', 'slower', 'sgd', 'adam', 'epochs'],
    negative: ['evidence', 'political', 'cultural', 'media', 'technologies', 'interests', 'opinions'],
    idioms: [{ after: /^\s+(?:evidence|of\s+(?:interests|opinions|technologies))\b/i }],
  },
  standardization: {
    positive: ['features', 'feature', 'data', 'input', 'inputs', 'mean', 'variance', 'deviation', 'channel', 'channels', 'pixel', 'pixels', 'image', 'images', 'normalization', 'normalize', 'scale', 'scaling', 'zero', 'unit', 'preprocessing'],
    negative: ['materials', 'material', 'format', 'formats', 'test', 'tests', 'testing', 'api', 'apis', 'interface', 'interfaces', 'protocol', 'protocols', 'procedure', 'procedures', 'industry', 'lighting', 'task', 'tasks', 'naming', 'terminology', 'workflow', 'workflows', 'tool', 'tools', 'benchmark', 'benchmarks', 'evaluating', 'evaluation'],
  },
  向量化: {
    positive: [],
    negative: [],
    zhPositive: ['循环', '矩阵', '运算', '加速', '批量', '代码', 'numpy', 'NumPy', 'for'],
    // 文本向量化: text turned into vectors (an embedding), not loops turned into matrix operations.
    zhNegative: ['文本', '句子', '字符串', '文档', '词语', '单词', '检索'],
  },
  supervised: {
    positive: ['learning', 'labels', 'labeled', 'labelled', 'label', 'fine', 'tuned', 'tuning', 'training', 'trained', 'classification', 'dataset', 'way', 'fashion', 'task', 'tasks', 'model'],
    negative: ['children', 'child', 'kids', 'visit', 'visits', 'release', 'probation', 'staff', 'closely', 'adult', 'teacher', 'parents', 'pool', 'injection', 'consumption', 'playground'],
  },
};

/** Other spellings of keys above. */
const KEY_ALIASES: Readonly<Record<string, string>> = {
  'warm up': 'warmup',
  converge: 'convergence',
  converges: 'convergence',
  converged: 'convergence',
  converging: 'convergence',
  standardisation: 'standardization',
  'fine tune': 'fine tuning',
  finetuning: 'fine tuning',
  generalisation: 'generalization',
  vocab: 'vocabulary',
  tokenizer: 'tokenization',
  注意力: 'attention',
  采样: 'sampling',
};

/** The cue table for a folded key, if there is one. */
export function termCues(key: string): CueTable | undefined {
  return TERM_CUES[key] ?? TERM_CUES[KEY_ALIASES[key] ?? ''];
}
