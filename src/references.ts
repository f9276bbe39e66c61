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
    chapters: ['02-lstm-cell', '05-sentiment-imdb'],
  },
  {
    id: 'source-r',
    label: 'The R Keras article',
    description:
      'A Chinese blog post that works through word embeddings and an LSTM sentiment classifier in R with Keras: why dense embeddings replace one-hot vectors, cosine similarity, the cell state as a conveyor belt, and a model on the 20,000 most frequent words with reviews cut to `maxlen = 80`, an Embedding of 128 dimensions and an LSTM of 64 units, set against a random forest. Its title, author and address are not recorded in this kit.',
    takes:
      "Chapter 4's comparison of one-hot vectors with embeddings and its use of cosine similarity, chapter 2's conveyor belt, and chapter 5's r-keras preset and random-forest baseline all follow it.",
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
    chapters: ['04-word-embeddings'],
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
    chapters: ['05-sentiment-imdb', '07-limits'],
  },
];
