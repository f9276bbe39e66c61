/**
 * The kit's sources: what the sources page (src/pages/references.astro) shows, kept free of
 * Astro imports so that a unit test checks it against the chapters' links. Text fields use the
 * glossary's markup (`$...$` for TeX, `` `...` `` for code); see src/glossary.ts.
 */

/** A link that comes with a citation. */
export interface SourceLink {
  href: string;
  /** What the link leads to, e.g. "doi:10.1162/…" or "the dataset's page". */
  text: string;
}

/** One source. */
export interface Reference {
  /** The id of its element on the page; chapters link to `../../references/#<id>`. */
  id: string;
  /** A short name, as the heading shows it. */
  label: string;
  /** Authors, as they are printed on the work; absent where the kit does not know them. */
  authors?: string;
  year?: number;
  /** The work's title; absent where the kit does not know it. */
  title?: string;
  /** Where it appeared: journal and pages, proceedings, blog, documentation. */
  venue?: string;
  /** For a source without a known title: what it is and what it covers. */
  description?: string;
  links?: SourceLink[];
  /** What the kit takes from it, one or two sentences. */
  takes: string;
  /** The chapters (content ids) that draw on it, in reading order. */
  chapters: string[];
  /** The Chinese edition's text for the fields a reader sees; titles of works stay as they are. */
  zh: ReferenceZh;
}

/**
 * A source's reader-facing text in Chinese. `label` and `takes` always; `description` exactly
 * where the English has one; `authors` and `venue` where they need words of their own (else the
 * English is shown as printed); `links`, where given, the text of each link in the same order.
 */
export interface ReferenceZh {
  label: string;
  authors?: string;
  venue?: string;
  description?: string;
  links?: string[];
  takes: string;
}

/** A source's fields as an edition shows them: Chinese where the entry has them, else as printed. */
export function referenceText(
  r: Reference,
  locale: 'en' | 'zh',
): Pick<Reference, 'label' | 'authors' | 'year' | 'title' | 'venue' | 'description' | 'links' | 'takes'> {
  if (locale === 'en')
    return {
      label: r.label,
      authors: r.authors,
      year: r.year,
      title: r.title,
      venue: r.venue,
      description: r.description,
      links: r.links,
      takes: r.takes,
    };
  const z = r.zh;
  return {
    label: z.label,
    authors: z.authors ?? r.authors,
    year: r.year,
    title: r.title,
    venue: z.venue ?? r.venue,
    description: z.description ?? r.description,
    links: r.links?.map((l, k) => ({ href: l.href, text: z.links?.[k] ?? l.text })),
    takes: z.takes,
  };
}

/** The sources: the two articles the kit follows first, then the literature. */
export const REFERENCES: Reference[] = [
  {
    id: 'source-python',
    label: 'The Python Keras article',
    description:
      'A Chinese blog post that sets out the LSTM cell with its gate equations and then trains a sentiment classifier on the IMDB reviews in Python with Keras: a tokenizer fitted on the training texts, reviews cut to `maxlen = 100`, an Embedding of 64 dimensions and two stacked LSTM layers of 128 units. Its title, author and address are not recorded in this kit.',
    takes:
      "The gate equations of chapter 2 are the ones it sets out, and chapter 5's py-keras preset is its model, with its settings unchanged.",
    zh: {
      label: 'Python Keras 那篇文章',
      description:
        '一篇中文博客文章：先写出 LSTM 细胞及其各个门的公式，再用 Python 和 Keras 在 IMDB 影评上训练一个情感分类器。它在训练文本上拟合分词器，把影评截到 `maxlen = 100`，使用 64 维的 Embedding 和两层堆叠的 128 单元 LSTM。本教程没有记录它的标题、作者和网址。',
      takes: '第 2 章的门公式就是它写出的那一套；第 5 章的 py-keras 预设就是它的模型，设置原封不动。',
    },
    chapters: ['02-lstm-cell', '05-sentiment-imdb'],
  },
  {
    id: 'source-r',
    label: 'The R Keras article',
    description:
      'A Chinese blog post that works through word embeddings and an LSTM sentiment classifier in R with Keras: why dense embeddings replace one-hot vectors, cosine similarity, the cell state as a conveyor belt, and a model on the 20,000 most frequent words with reviews cut to `maxlen = 80`, an Embedding of 128 dimensions and an LSTM of 64 units, set against a random forest. Its title, author and address are not recorded in this kit.',
    takes:
      "Chapter 4's comparison of one-hot vectors with embeddings and its use of cosine similarity, chapter 2's conveyor belt, and chapter 5's r-keras preset and random-forest baseline all follow it.",
    zh: {
      label: 'R Keras 那篇文章',
      description:
        '一篇中文博客文章：用 R 和 Keras 讲解词嵌入和 LSTM 情感分类器。内容包括为什么要用稠密的嵌入取代独热向量、余弦相似度、把细胞状态比作传送带，以及一个模型：只取最常见的 20,000 个词，影评截到 `maxlen = 80`，使用 128 维的 Embedding 和 64 单元的 LSTM，并与随机森林作对比。本教程没有记录它的标题、作者和网址。',
      takes:
        '第 4 章对独热向量与嵌入的比较及其对余弦相似度的使用、第 2 章的传送带比喻，以及第 5 章的 r-keras 预设和随机森林基线，都以它为依据。',
    },
    chapters: ['01-sequences', '02-lstm-cell', '04-word-embeddings', '05-sentiment-imdb'],
  },
  {
    id: 'hochreiter-1997',
    label: 'Hochreiter and Schmidhuber, 1997',
    authors: 'Sepp Hochreiter and Jürgen Schmidhuber',
    year: 1997,
    title: 'Long Short-Term Memory',
    venue: 'Neural Computation 9(8), 1735–1780',
    links: [{ href: 'https://doi.org/10.1162/neco.1997.9.8.1735', text: 'doi:10.1162/neco.1997.9.8.1735' }],
    takes:
      'The paper that introduced the LSTM, and with it the idea behind chapters 2 and 3: a memory cell updated by addition, along which an error signal can flow back over many steps without vanishing. The forget gate came a little later (Gers, Schmidhuber and Cummins, 2000); the cell in this kit, like the one in Keras, has it.',
    zh: {
      label: 'Hochreiter 与 Schmidhuber，1997',
      takes:
        '提出 LSTM 的论文，也给出了第 2、3 章背后的核心思想：一个靠加法更新的记忆细胞，误差信号可以沿着它往回流过许多时间步而不消失。遗忘门是稍后才加入的（Gers、Schmidhuber 与 Cummins，2000）；本教程的细胞和 Keras 的一样，带有遗忘门。',
    },
    chapters: ['02-lstm-cell', '03-lstm-over-time'],
  },
  {
    id: 'olah-2015',
    label: 'Olah, 2015',
    authors: 'Christopher Olah',
    year: 2015,
    title: 'Understanding LSTM Networks',
    venue: "colah's blog, August 2015",
    links: [{ href: 'https://colah.github.io/posts/2015-08-Understanding-LSTMs/', text: 'colah.github.io' }],
    takes:
      'The best-known illustrated walk through the LSTM cell, one gate at a time. It describes the cell state as a conveyor belt and writes each gate on the stacked vector, $\\sigma(W_f \\cdot [h_{t-1}, x_t] + b_f)$, the form chapter 2 sets beside the Keras one.',
    zh: {
      label: 'Olah，2015',
      venue: "colah's blog，2015 年 8 月",
      takes:
        '最广为人知的 LSTM 图解，一次讲一个门。它把细胞状态描述为传送带，并把每个门写在拼接后的向量上，$\\sigma(W_f \\cdot [h_{t-1}, x_t] + b_f)$；第 2 章把这种写法与 Keras 的写法放在一起对照。',
    },
    chapters: ['02-lstm-cell'],
  },
  {
    id: 'maas-2011',
    label: 'Maas et al., 2011',
    authors: 'Andrew L. Maas, Raymond E. Daly, Peter T. Pham, Dan Huang, Andrew Y. Ng and Christopher Potts',
    year: 2011,
    title: 'Learning Word Vectors for Sentiment Analysis',
    venue:
      'Proceedings of the 49th Annual Meeting of the Association for Computational Linguistics: Human Language Technologies (ACL 2011), Portland, Oregon, 142–150',
    links: [
      { href: 'https://aclanthology.org/P11-1015/', text: 'ACL Anthology P11-1015' },
      { href: 'https://ai.stanford.edu/~amaas/data/sentiment/', text: "the dataset's page" },
    ],
    takes:
      'The Large Movie Review Dataset that chapters 4 to 7 read: 25,000 training and 25,000 test reviews from IMDB, half positive and half negative, in the archive `aclImdb_v1.tar.gz`. Its rules (a rating of 4 or less is negative, 7 or more positive, and no film in both halves) decide what the classifiers can learn.',
    zh: {
      label: 'Maas 等，2011',
      links: ['ACL Anthology P11-1015', '数据集主页'],
      takes:
        '第 4 至 7 章所用的 Large Movie Review Dataset（大型影评数据集）：来自 IMDB 的 25,000 条训练影评和 25,000 条测试影评，正面、负面各占一半，打包在 `aclImdb_v1.tar.gz` 中。它的规则（评分 4 分及以下为负面，7 分及以上为正面，同一部电影不会同时出现在两半中）决定了分类器能学到什么。',
    },
    chapters: ['04-word-embeddings', '05-sentiment-imdb', '06-inside-classifier', '07-limits'],
  },
  {
    id: 'mikolov-2013',
    label: 'Mikolov et al., 2013',
    authors: 'Tomas Mikolov, Ilya Sutskever, Kai Chen, Greg Corrado and Jeffrey Dean',
    year: 2013,
    title: 'Distributed Representations of Words and Phrases and their Compositionality',
    venue: 'Advances in Neural Information Processing Systems 26 (NeurIPS 2013), 3111–3119',
    links: [{ href: 'https://arxiv.org/abs/1310.4546', text: 'arXiv:1310.4546' }],
    takes:
      'Skip-gram with negative sampling, the method behind word2vec, which chapter 4 uses to train word vectors live: every word is trained to predict the words near it, against a few words drawn at random.',
    zh: {
      label: 'Mikolov 等，2013',
      takes:
        '带负采样的 skip-gram，即 word2vec 背后的方法；第 4 章用它在浏览器里现场训练词向量：训练每个词去预测它附近的词，并与几个随机抽取的词作对照。',
    },
    chapters: ['04-word-embeddings'],
  },
  {
    id: 'chollet-2017',
    label: 'Chollet, 2017',
    authors: 'François Chollet',
    year: 2017,
    title: 'Deep Learning with Python',
    venue:
      'Manning Publications, Shelter Island, NY (first edition); section 6.2, "Understanding recurrent neural networks"',
    links: [{ href: 'https://www.manning.com/books/deep-learning-with-python', text: "the publisher's page" }],
    takes:
      "Chapter 5's `dlwp` preset: the book's LSTM on the IMDB reviews, which reads whole reviews (the 10,000 most frequent words, `maxlen = 500`, an Embedding of 32 dimensions, an LSTM of 32 units, RMSprop in batches of 128).",
    zh: {
      label: 'Chollet，2017',
      venue:
        'Manning Publications（第一版；中译本《Python 深度学习》，人民邮电出版社，2018）；第 6.2 节“理解循环神经网络”',
      links: ['出版社的页面'],
      takes:
        '第 5 章的 `dlwp` 预设：书中在 IMDB 影评上训练的 LSTM，它读整条影评（最常见的 10,000 个词，`maxlen = 500`，32 维的 Embedding，32 单元的 LSTM，RMSprop，每批 128 条）。',
    },
    chapters: ['05-sentiment-imdb'],
  },
  {
    id: 'keras-imdb',
    label: "Keras's IMDB conventions",
    authors: 'The Keras team',
    title: 'IMDB movie review sentiment classification dataset (`keras.datasets.imdb.load_data`)',
    venue: 'Keras API documentation',
    links: [{ href: 'https://keras.io/api/datasets/imdb/', text: 'keras.io' }],
    takes:
      "The index layout of the kit's r-keras view: id 0 is padding, every review starts with `start_char = 1`, a word out of the vocabulary becomes `oov_char = 2`, and word ranks are shifted by `index_from = 3`. The kit ranks the words itself, from the archive, so its ids need not match those of the copy `load_data` downloads.",
    zh: {
      label: 'Keras 的 IMDB 约定',
      authors: 'Keras 团队',
      venue: 'Keras API 文档',
      takes:
        '本教程 r-keras 视图的索引布局：id 0 表示填充，每条影评以 `start_char = 1` 开头，词汇表外的词变成 `oov_char = 2`，词的排名整体偏移 `index_from = 3`。本教程自己从压缩包中给词排名，所以它的 id 不一定与 `load_data` 下载的那份数据一致。',
    },
    chapters: ['05-sentiment-imdb', '07-limits'],
  },
];
