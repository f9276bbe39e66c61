/** The words of <kit-embedding-lookup> (./embedding-lookup.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const EMBEDDING_LOOKUP_WORDS = words(
  {
    dimLabel: 'Embedding length d',
    wordLabel: 'Look up word number',
    sentence: 'Sentence',
    empty: 'Type a sentence to see it encoded.',
    oneHotX: 'one-hot: vocabulary index',
    oneHotLabel: 'One-hot rows of the sentence',
    oneHotDescription: (rows: string, columns: string, t: string, word: string, column: string) =>
      `${rows} rows of ${columns} numbers; row ${t} (${word}) has its 1 in column ${column}.`,
    tableX: 'table E: V × d',
    tableLabel: 'Embedding table',
    tableDescription: (rows: string, dim: string, row: string) =>
      `${rows} rows (one per word) of ${dim} random numbers; row ${row} is highlighted.`,
    lookupX: 'lookup: T × d',
    lookupLabel: 'Embedded sentence',
    lookupDescription: (rows: string, dim: string) =>
      `${rows} rows of ${dim} numbers, row t being row (index of word t) of the table.`,
    cut: (n: string) => ` The pictures show the first ${n} rows and columns.`,
    readout: (p: {
      t: string;
      word: string;
      index: string;
      V: string;
      dim: string;
      product: string;
      vector: string;
      same: boolean;
      T: string;
      oneHot: string;
      cut: string;
    }) =>
      `Word ${p.t}, "${p.word}", has index ${p.index}. One-hot × E: ${p.V} × ${p.dim} = ${p.product} ` +
      `multiply-adds for this word, and all but ${p.dim} of them multiply by 0. The lookup reads row ${p.index} ` +
      `directly: (${p.vector}). Both give ${p.same ? 'exactly the same' : 'DIFFERENT'} ${p.T} × ${p.dim} numbers ` +
      `for the sentence (${p.oneHot} one-hot numbers in, ${p.T} indices for the lookup).${p.cut}`,
  },
  {
    dimLabel: '嵌入长度 d',
    wordLabel: '查第几个词',
    sentence: '句子',
    empty: '输入一个句子，看看它如何被编码。',
    oneHotX: '独热编码：词汇表索引',
    oneHotLabel: '句子的独热编码行',
    oneHotDescription: (rows, columns, t, word, column) =>
      `${rows} 行，每行 ${columns} 个数；第 ${t} 行（${word}）的 1 在第 ${column} 列。`,
    tableX: '嵌入表 E：V × d',
    tableLabel: '嵌入表',
    tableDescription: (rows, dim, row) => `${rows} 行（每个词一行），每行 ${dim} 个随机数；第 ${row} 行被高亮。`,
    lookupX: '查表结果：T × d',
    lookupLabel: '嵌入后的句子',
    lookupDescription: (rows, dim) => `${rows} 行，每行 ${dim} 个数；第 t 行就是嵌入表中第 t 个词的索引所在的那一行。`,
    cut: (n) => `图中只显示前 ${n} 行和前 ${n} 列。`,
    readout: (p) =>
      `第 ${p.t} 个词“${p.word}”的索引是 ${p.index}。独热向量 × E：这个词要做 ${p.V} × ${p.dim} = ${p.product} 次乘加，` +
      `其中只有 ${p.dim} 次不是乘以 0。查表则直接读出第 ${p.index} 行：(${p.vector})。` +
      `两种做法为整个句子给出的 ${p.T} × ${p.dim} 个数${p.same ? '完全相同' : '并不相同（出错了）'}` +
      `（输入 ${p.oneHot} 个独热编码的数，而查表只需 ${p.T} 个索引）。${p.cut}`,
  },
);
