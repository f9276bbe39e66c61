/**
 * The glossary's terms: what the glossary page (src/pages/glossary.astro) shows, kept free of
 * Astro imports so that a unit test checks it against the chapters' links.
 *
 * Text fields use two bits of markup: `$...$` is inline TeX, typeset at build time, and
 * `` `...` `` is code. Everything else is plain text.
 */

/** One term. */
export interface GlossaryEntry {
  /** The id of the term's element on the page; chapters link to `../../glossary/#<slug>`. */
  slug: string;
  /** The term as a heading shows it. */
  term: string;
  /** Its symbol in the chapters' formulas, as TeX, where it has one. */
  symbol?: string;
  /** A plain definition, two to four sentences. */
  definition: string;
  /** The chapter (its content id, e.g. `02-lstm-cell`) that introduces the term. */
  first: string;
  /** Later chapters that use the term in earnest, in reading order. */
  also?: string[];
}

/** The terms, in alphabetical order of `term`. */
export const GLOSSARY: GlossaryEntry[] = [
  {
    slug: 'accuracy',
    term: 'Accuracy',
    definition:
      'The share of examples a classifier gets right: correct predictions divided by all predictions. A review counts as called positive when the predicted probability $p$ is at least 0.5. On a balanced set such as the IMDB reviews, guessing gets 50 %, so that is the floor to beat.',
    first: '03-lstm-over-time',
    also: ['05-sentiment-imdb'],
  },
  {
    slug: 'backpropagation-through-time',
    term: 'Backpropagation through time',
    definition:
      "How a recurrent network's gradients are computed: the network is unrolled into one copy of the cell per step, and the chain rule is applied backwards, from the loss at the last step to the first. Each step back multiplies the gradient by that step's derivative, which is why it can shrink or grow over a long sequence. The kit's memory task is trained with backward passes derived by hand and checked against tfjs's automatic differentiation.",
    first: '03-lstm-over-time',
    also: ['01-sequences'],
  },
  {
    slug: 'batch',
    term: 'Batch',
    symbol: 'B',
    definition:
      'A group of training examples processed together in one training step: the loss is averaged over the batch, and the weights change once per batch. Both reference classifiers use batches of 32 reviews, so one epoch over 20,000 training reviews is 625 steps.',
    first: '03-lstm-over-time',
    also: ['05-sentiment-imdb'],
  },
  {
    slug: 'binary-cross-entropy',
    term: 'Binary cross-entropy',
    definition:
      'The loss for a yes-or-no prediction. For a true label $y$ (0 or 1) and a predicted probability $p$ it is $-\\bigl(y \\log p + (1 - y) \\log (1 - p)\\bigr)$, averaged over the examples. It is small when the right answer gets a high probability, and grows without bound as a confident answer turns out wrong. The memory task and both sentiment classifiers minimise it.',
    first: '03-lstm-over-time',
    also: ['05-sentiment-imdb'],
  },
  {
    slug: 'candidate',
    term: 'Candidate memory',
    symbol: '\\tilde{C}_t',
    definition:
      "What an LSTM cell proposes to write to its cell state at step $t$: $\\tilde{C}_t = \\tanh(x_t W_C + h_{t-1} U_C + b_C)$. Because of the $\\tanh$ each of its values lies between −1 and 1, so it can push a unit's memory up or down. The input gate decides how much of it is actually added.",
    first: '02-lstm-cell',
    also: ['03-lstm-over-time'],
  },
  {
    slug: 'cell-state',
    term: 'Cell state',
    symbol: 'C_t',
    definition:
      "The LSTM's long-term memory, a vector carried from step to step beside the hidden state. It changes only by a pointwise scaling and a pointwise addition: $C_t = f_t \\odot C_{t-1} + i_t \\odot \\tilde{C}_t$. The R Keras article pictures it as a conveyor belt; because the update adds rather than multiplies by a weight matrix, gradients can travel along it across many steps.",
    first: '02-lstm-cell',
    also: ['03-lstm-over-time'],
  },
  {
    slug: 'cosine-similarity',
    term: 'Cosine similarity',
    symbol: '\\cos\\theta',
    definition:
      "The cosine of the angle between two vectors, $\\mathbf a \\cdot \\mathbf b \\,/\\, (\\lVert \\mathbf a \\rVert\\, \\lVert \\mathbf b \\rVert)$: 1 when they point the same way, 0 at right angles, −1 when they point opposite ways. It ignores the vectors' lengths and compares their directions only. The kit uses it to find the nearest neighbours of a word among word vectors; two different one-hot vectors always have a cosine of 0.",
    first: '04-word-embeddings',
    also: ['06-inside-classifier'],
  },
  {
    slug: 'dropout',
    term: 'Dropout',
    definition:
      'A guard against overfitting. During training each input value is set to zero at random with a fixed probability (0.2 in the R Keras model), and the values that survive are scaled up so that the average stays the same; predictions use every input. Recurrent dropout does the same to the previous hidden state $h_{t-1}$ inside an LSTM. A network that cannot count on any single input learns features that generalise better.',
    first: '05-sentiment-imdb',
  },
  {
    slug: 'embedding',
    term: 'Embedding',
    symbol: 'E',
    definition:
      'A table with one learned row of $d$ numbers per word of the vocabulary, $V \\times d$ numbers in all; the vector of the word with index $w_t$ is its row, $x_t = E_{w_t,:}$. Reading the row gives the same result as multiplying a one-hot vector by $E$, without the cost. Trained inside a classifier, the table comes to put words that affect the prediction alike close together.',
    first: '04-word-embeddings',
    also: ['05-sentiment-imdb', '06-inside-classifier'],
  },
  {
    slug: 'epoch',
    term: 'Epoch',
    definition:
      "One full pass over the training examples. The kit reports after every epoch: the skip-gram cell lists each probe word's nearest neighbours, and the classifier measures itself on the validation reviews, so that epochs can be compared. More epochs fit the training data more closely, but past a point they lead to overfitting.",
    first: '04-word-embeddings',
    also: ['05-sentiment-imdb'],
  },
  {
    slug: 'forget-gate',
    term: 'Forget gate',
    symbol: 'f_t',
    definition:
      'The gate that decides how much of the old cell state each unit keeps: $f_t = \\sigma(x_t W_f + h_{t-1} U_f + b_f)$ multiplies $C_{t-1}$. Near 1 the memory is kept, near 0 it is erased. Keras starts its bias at 1, so that a new cell leans towards remembering.',
    first: '02-lstm-cell',
    also: ['03-lstm-over-time'],
  },
  {
    slug: 'gate',
    term: 'Gate',
    definition:
      'A vector of numbers between 0 and 1 that multiplies another vector unit by unit: 0 blocks a value, 1 lets it through, and values in between let part of it through. In an LSTM each gate is a small sigmoid layer reading the input $x_t$ and the previous hidden state $h_{t-1}$. An LSTM cell has three: the forget, input and output gates.',
    first: '02-lstm-cell',
    also: ['03-lstm-over-time'],
  },
  {
    slug: 'hidden-state',
    term: 'Hidden state',
    symbol: 'h_t',
    definition:
      "The vector a recurrent network carries from one step to the next, summarising what it has read so far; it is also the layer's output at each step. In a vanilla RNN $h_t = \\tanh(W_x x_t + W_h h_{t-1} + b)$; in an LSTM $h_t = o_t \\odot \\tanh(C_t)$. A classifier reads its prediction from the last one, $h_T$.",
    first: '01-sequences',
    also: ['02-lstm-cell'],
  },
  {
    slug: 'input-gate',
    term: 'Input gate',
    symbol: 'i_t',
    definition:
      'The gate that decides how much of the candidate memory each unit writes to the cell state: $i_t = \\sigma(x_t W_i + h_{t-1} U_i + b_i)$, and the cell adds $i_t \\odot \\tilde{C}_t$. Near 0 the memory is left as it is; near 1 the candidate is added in full.',
    first: '02-lstm-cell',
  },
  {
    slug: 'logit',
    term: 'Logit',
    symbol: 'z',
    definition:
      "The number a classifier computes just before its final sigmoid: for the sentiment models $z = h_T \\cdot w + b$, and the predicted probability is $p = \\sigma(z)$. A logit of 0 means $p = 0.5$; positive logits lean towards a positive review, negative ones towards a negative review. Because it is a plain sum, each hidden unit's share $w_j h_{T,j}$ of it can be read off.",
    first: '06-inside-classifier',
  },
  {
    slug: 'loss',
    term: 'Loss',
    symbol: 'L',
    definition:
      "One number that says how wrong a model's predictions are on some examples. Training changes the weights in the direction that lowers it, following its gradient. The kit's classifiers use the binary cross-entropy, and skip-gram a loss on words and their neighbours. A training loss that keeps falling while the validation loss rises is the sign of overfitting.",
    first: '01-sequences',
    also: ['03-lstm-over-time', '05-sentiment-imdb'],
  },
  {
    slug: 'maxlen',
    term: '`maxlen`',
    symbol: 'L',
    definition:
      "The fixed number of ids in every row a model reads: shorter reviews are padded up to it and longer ones truncated to it. The R Keras model uses `maxlen = 80`, the Python one 100. An LSTM's weights do not depend on it, so a trained model can be rebuilt to read rows of another length.",
    first: '05-sentiment-imdb',
    also: ['07-limits'],
  },
  {
    slug: 'one-hot',
    term: 'One-hot vector',
    definition:
      "A way to give a word (or any category) to a network: a vector as long as the vocabulary, all zeros except a 1 at the word's index. It says which word it is and nothing else, so any two different one-hot vectors are at right angles. With a 20,000-word vocabulary every word costs 20,000 numbers, which is why embeddings replace them.",
    first: '01-sequences',
    also: ['04-word-embeddings'],
  },
  {
    slug: 'oov',
    term: 'OOV (out of vocabulary)',
    definition:
      "Said of a word the model's vocabulary does not contain: a rare word, a misspelling, a word in another language. In the r-keras layout every such word becomes the id 2; in the py-keras layout it is dropped. A text's OOV rate is the share of its words that are out of vocabulary.",
    first: '05-sentiment-imdb',
    also: ['07-limits'],
  },
  {
    slug: 'optimizer',
    term: 'Optimizer',
    symbol: '\\eta',
    definition:
      "The rule that turns gradients into changes of the weights, step by step, with a learning rate $\\eta$ setting the size of the steps. The kit uses Adam, as both source articles do: it keeps a running mean of each weight's gradient and of its square, and steps by their ratio, so that every weight gets a step size suited to it.",
    first: '03-lstm-over-time',
    also: ['05-sentiment-imdb'],
  },
  {
    slug: 'output-gate',
    term: 'Output gate',
    symbol: 'o_t',
    definition:
      "The gate that decides how much of the cell's memory it shows: $o_t = \\sigma(x_t W_o + h_{t-1} U_o + b_o)$ and $h_t = o_t \\odot \\tanh(C_t)$. With the gate shut the cell can hold a memory without letting it affect its output yet.",
    first: '02-lstm-cell',
  },
  {
    slug: 'overfitting',
    term: 'Overfitting',
    definition:
      'Learning the training examples themselves, noise included, rather than what holds for new ones: the training accuracy keeps rising while the validation accuracy stalls or falls and the validation loss rises. The R Keras model, with 2.6 million parameters, starts doing it on the IMDB reviews after one to three epochs. Keeping the epoch with the best validation score (early stopping) and dropout are the usual cures.',
    first: '05-sentiment-imdb',
  },
  {
    slug: 'padding',
    term: 'Padding',
    definition:
      "Filling a short sequence up to a fixed length with a reserved id, 0 in Keras and in this kit. Keras's `pad_sequences` puts the zeros in front by default ('pre'), so that a review's last word is the last step the LSTM reads. The model reads the padding zeros like any other input unless it is told to skip them (masking).",
    first: '05-sentiment-imdb',
    also: ['06-inside-classifier', '07-limits'],
  },
  {
    slug: 'precision-recall',
    term: 'Precision and recall',
    symbol: 'P,\\ R',
    definition:
      "Two views of a classifier's errors on the positive class. Precision is the share of the examples it calls positive that really are positive; recall is the share of the truly positive examples that it finds. F1 is their harmonic mean, $2PR/(P + R)$.",
    first: '05-sentiment-imdb',
  },
  {
    slug: 'recurrent-network',
    term: 'Recurrent network (RNN)',
    definition:
      'A network that reads a sequence one item at a time and carries a state from each step to the next, with the same weights at every step. Drawn over time it becomes a chain of copies of one cell. The vanilla RNN of chapter 1 and the LSTM are both recurrent networks.',
    first: '01-sequences',
  },
  {
    slug: 'sigmoid',
    term: 'Sigmoid',
    symbol: '\\sigma',
    definition:
      "The logistic function $\\sigma(z) = 1 / (1 + e^{-z})$, which squashes any number into the range from 0 to 1. It turns a classifier's logit into a probability and computes the LSTM's gates. Its slope is at most 0.25 and nearly 0 far from zero, where the unit is said to be saturated.",
    first: '01-sequences',
    also: ['02-lstm-cell'],
  },
  {
    slug: 'skip-gram',
    term: 'Skip-gram',
    definition:
      'A way to learn word vectors from plain text (Mikolov and colleagues, 2013, the method behind word2vec): every word is trained to predict the words near it. With negative sampling, the score $\\mathbf u_w \\cdot \\mathbf v_c$ of a word and a real neighbour is pushed up, and its score with a few words drawn at random is pushed down. Words that keep the same company end up with vectors pointing the same way.',
    first: '04-word-embeddings',
  },
  {
    slug: 'tanh',
    term: 'tanh',
    symbol: '\\tanh',
    definition:
      'The hyperbolic tangent, $\\tanh(z) = (e^{z} - e^{-z}) / (e^{z} + e^{-z})$, which squashes any number into the range from −1 to 1; it is a stretched sigmoid, $2\\sigma(2z) - 1$. Recurrent cells use it for their state, and the LSTM for its candidate memory and its output, so that values stay bounded however long the text. Its slope is 1 at zero and falls towards 0 at both ends.',
    first: '01-sequences',
    also: ['02-lstm-cell'],
  },
  {
    slug: 'tokenizer',
    term: 'Tokenizer',
    definition:
      "The step that cuts a text into words and gives each word an integer id. The kit follows the defaults of Keras's `Tokenizer`: lower-case the text, replace punctuation by spaces, split on spaces, and number the words by how often they occur, the most frequent first. Any text a trained model reads must go through the same tokenizer and vocabulary as its training texts.",
    first: '01-sequences',
    also: ['05-sentiment-imdb'],
  },
  {
    slug: 'truncation',
    term: 'Truncation',
    definition:
      "Cutting a sequence longer than `maxlen` down to `maxlen` ids. Keras's default, 'pre', cuts the beginning and keeps the last `maxlen` ids, the ones nearest the output.",
    first: '05-sentiment-imdb',
    also: ['07-limits'],
  },
  {
    slug: 'validation',
    term: 'Validation',
    definition:
      'Measuring a model during training on examples it does not learn from, to compare epochs and settings. By default the kit holds out a fifth of the training reviews for this and keeps the test reviews for the final evaluation. A setting chosen by looking at the test score makes that score too optimistic.',
    first: '05-sentiment-imdb',
  },
  {
    slug: 'vanishing-gradient',
    term: 'Vanishing gradient',
    definition:
      "The shrinking of a gradient as it is carried back over many steps: each step multiplies it by a factor, and a product of many factors below 1 falls geometrically. In a vanilla RNN the factor is $\\operatorname{diag}(1 - h_k^2)\\, W_h$, so the first words of a long text get almost no say in training. Along the LSTM's cell state the factor is only the forget gate, which the network can learn to hold near 1.",
    first: '01-sequences',
    also: ['02-lstm-cell', '03-lstm-over-time'],
  },
  {
    slug: 'vocabulary',
    term: 'Vocabulary',
    symbol: 'V',
    definition:
      'The words a model knows, each with an integer id; $V$ is their number. For the IMDB models the kit builds it from the training reviews only, ranked by frequency, and the R Keras model keeps the 20,000 most frequent. Its size sets the length of a one-hot vector and the number of rows of an embedding; a word outside it is out of vocabulary.',
    first: '01-sequences',
    also: ['05-sentiment-imdb'],
  },
];

/** A piece of marked-up text: plain text, inline TeX, or code. */
export interface Segment {
  kind: 'text' | 'math' | 'code';
  value: string;
}

/** Splits text with `$...$` (TeX) and `` `...` `` (code) into segments, in order. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  const pattern = /\$([^$]+)\$|`([^`]+)`/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push({ kind: 'text', value: text.slice(last, m.index) });
    out.push(m[1] !== undefined ? { kind: 'math', value: m[1] } : { kind: 'code', value: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', value: text.slice(last) });
  return out;
}

/** The text without its markup, for sorting and for plain-text uses. */
export function plainText(text: string): string {
  return segments(text)
    .map((s) => s.value)
    .join('');
}
