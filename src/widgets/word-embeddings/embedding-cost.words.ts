/** The words of <kit-embedding-cost> (./embedding-cost.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const EMBEDDING_COST_WORDS = words(
  {
    series: {
      oneHotInputs: () => 'one-hot input numbers per text (T·V)',
      denseWeights: (units: string) => `Dense(${units}) weights on one-hot (${units}·V + ${units})`,
      denseMultiplyAdds: (units: string) => `Dense(${units}) multiply-adds per text (T·V·${units})`,
      embeddingWeights: () => 'Embedding(V, d) weights (V·d)',
      embeddingReads: () => 'Embedding numbers read per text (T·d)',
    },
    vocabularyLabel: 'Vocabulary size V',
    vocabularyValue: (n: string) => `${n} words`,
    dimLabel: 'Embedding length d',
    lengthLabel: 'Words per text T',
    xLabel: 'vocabulary size V →',
    yLabel: '↑ numbers (log scale)',
    plotLabel: 'Costs of one-hot inputs and of an embedding against the vocabulary size',
    plotDescription: (p: {
      V: string;
      units: string;
      inputs: string;
      dense: string;
      embedding: string;
      reads: string;
    }) =>
      `At V = ${p.V}: one-hot input ${p.inputs} numbers per text, Dense(${p.units}) ` +
      `${p.dense} weights, Embedding ${p.embedding} weights reading ${p.reads} numbers per text.`,
    inputs: 'input numbers per text',
    /** The head of the one-hot column: the one-hot vectors into a Dense layer of `units`. */
    oneHotDense: (units: number) => `one-hot → Dense(${units})`,
    indices: (n: string) => `${n} indices`,
    weights: 'weights of the first layer',
    work: 'work per text',
    multiplyAdds: (expression: string) => `${expression} multiply-adds`,
    numbersRead: (length: string, dim: string, reads: string) => `${length} rows × ${dim} = ${reads} numbers read`,
    bytes: 'one-hot input as float32',
    perText: (size: string) => `${size} per text`,
    perTextInt32: (size: string) => `${size} per text (int32)`,
  },
  {
    series: {
      oneHotInputs: () => '每条文本的独热输入数（T·V）',
      denseWeights: (units) => `读独热输入的 Dense(${units}) 的权重数（${units}·V + ${units}）`,
      denseMultiplyAdds: (units) => `每条文本 Dense(${units}) 的乘加次数（T·V·${units}）`,
      embeddingWeights: () => 'Embedding(V, d) 的权重数（V·d）',
      embeddingReads: () => '每条文本从 Embedding 读取的数（T·d）',
    },
    vocabularyLabel: '词汇表大小 V',
    vocabularyValue: (n) => `${n} 个词`,
    dimLabel: '嵌入长度 d',
    lengthLabel: '每条文本的词数 T',
    xLabel: '词汇表大小 V →',
    yLabel: '↑ 数的个数（对数坐标）',
    plotLabel: '独热输入与嵌入的开销随词汇表大小的变化',
    plotDescription: (p) =>
      `V = ${p.V} 时：每条文本的独热输入有 ${p.inputs} 个数，Dense(${p.units}) 有 ${p.dense} 个权重；` +
      `Embedding 有 ${p.embedding} 个权重，每条文本只读取 ${p.reads} 个数。`,
    inputs: '每条文本的输入数',
    oneHotDense: (units) => `独热 → Dense(${units})`,
    indices: (n) => `${n} 个索引`,
    weights: '第一层的权重数',
    work: '每条文本的计算量',
    multiplyAdds: (expression) => `${expression} 次乘加`,
    numbersRead: (length, dim, reads) => `${length} 行 × ${dim} = 读取 ${reads} 个数`,
    bytes: '独热输入按 float32 存储',
    perText: (size) => `每条文本 ${size}`,
    perTextInt32: (size) => `每条文本 ${size}（int32）`,
  },
);
