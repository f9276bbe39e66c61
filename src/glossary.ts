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
  /**
   * The Chinese edition's term and definition: the term as the chapters call it (e.g. 遗忘门),
   * the definition written by meaning, with the same `$...$` TeX and `` `...` `` code pieces.
   */
  zh: { term: string; definition: string };
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
    zh: {
      term: '准确率',
      definition:
        '分类器判对的样本所占的比例：正确预测数除以全部预测数。预测概率 $p$ 不小于 0.5 时，这条影评就算被判为正面。在 IMDB 影评这样正负各半的数据集上，瞎猜也能得到 50 %，这就是要超越的底线。',
    },
    first: '03-lstm-over-time',
    also: ['05-sentiment-imdb'],
  },
  {
    slug: 'backpropagation-through-time',
    term: 'Backpropagation through time',
    definition:
      "How a recurrent network's gradients are computed: the network is unrolled into one copy of the cell per step, and the chain rule is applied backwards, from the loss at the last step to the first. Each step back multiplies the gradient by that step's derivative, which is why it can shrink or grow over a long sequence. The kit's memory task is trained with backward passes derived by hand and checked against tfjs's automatic differentiation.",
    zh: {
      term: '随时间反向传播',
      definition:
        '循环网络计算梯度的方法：把网络按时间展开，每个时间步对应细胞的一个副本，再从最后一步的损失出发，按链式法则一步步往回传到第一步。每往回一步，梯度都要乘上这一步的导数，所以在长序列上它可能越来越小，也可能越来越大。本教程的记忆任务用手工推导的反向传播来训练，并与 tfjs 的自动微分相互核对。',
    },
    first: '03-lstm-over-time',
    also: ['01-sequences'],
  },
  {
    slug: 'batch',
    term: 'Batch',
    symbol: 'B',
    definition:
      'A group of training examples processed together in one training step: the loss is averaged over the batch, and the weights change once per batch. Both reference classifiers use batches of 32 reviews, so one epoch over 20,000 training reviews is 625 steps.',
    zh: {
      term: '批次',
      definition:
        '在一个训练步中一起处理的一组训练样本：损失在批次内取平均，权重每个批次更新一次。两个参考分类器的批量大小都是 32 条影评，所以在 20,000 条训练影评上训练一轮就是 625 步。',
    },
    first: '03-lstm-over-time',
    also: ['05-sentiment-imdb'],
  },
  {
    slug: 'binary-cross-entropy',
    term: 'Binary cross-entropy',
    definition:
      'The loss for a yes-or-no prediction. For a true label $y$ (0 or 1) and a predicted probability $p$ it is $-\\bigl(y \\log p + (1 - y) \\log (1 - p)\\bigr)$, averaged over the examples. It is small when the right answer gets a high probability, and grows without bound as a confident answer turns out wrong. The memory task and both sentiment classifiers minimise it.',
    zh: {
      term: '二元交叉熵',
      definition:
        '“是或否”预测所用的损失。对真实标签 $y$（0 或 1）和预测概率 $p$，它等于 $-\\bigl(y \\log p + (1 - y) \\log (1 - p)\\bigr)$，再对所有样本取平均。正确答案的概率越高，它就越小；一个很有把握的答案一旦错了，它会无限增大。记忆任务和两个情感分类器最小化的都是它。',
    },
    first: '03-lstm-over-time',
    also: ['05-sentiment-imdb'],
  },
  {
    slug: 'candidate',
    term: 'Candidate memory',
    symbol: '\\tilde{C}_t',
    definition:
      "What an LSTM cell proposes to write to its cell state at step $t$: $\\tilde{C}_t = \\tanh(x_t W_C + h_{t-1} U_C + b_C)$. Because of the $\\tanh$ each of its values lies between −1 and 1, so it can push a unit's memory up or down. The input gate decides how much of it is actually added.",
    zh: {
      term: '候选记忆',
      definition:
        'LSTM 细胞在时间步 $t$ 打算写入细胞状态的内容：$\\tilde{C}_t = \\tanh(x_t W_C + h_{t-1} U_C + b_C)$。因为经过了 $\\tanh$，它的每个值都在 −1 到 1 之间，所以既能把某个单元的记忆往上推，也能往下拉。实际加进去多少，由输入门决定。',
    },
    first: '02-lstm-cell',
    also: ['03-lstm-over-time'],
  },
  {
    slug: 'cell-state',
    term: 'Cell state',
    symbol: 'C_t',
    definition:
      "The LSTM's long-term memory, a vector carried from step to step beside the hidden state. It changes only by a pointwise scaling and a pointwise addition: $C_t = f_t \\odot C_{t-1} + i_t \\odot \\tilde{C}_t$. The R Keras article pictures it as a conveyor belt; because the update adds rather than multiplies by a weight matrix, gradients can travel along it across many steps.",
    zh: {
      term: '细胞状态',
      definition:
        'LSTM 的长期记忆：一个与隐状态并行、逐个时间步传下去的向量。它只经历逐元素的缩放和逐元素的加法：$C_t = f_t \\odot C_{t-1} + i_t \\odot \\tilde{C}_t$。R Keras 那篇文章把它比作传送带；由于更新靠的是相加，而不是乘以权重矩阵，梯度可以沿着它跨越许多时间步。',
    },
    first: '02-lstm-cell',
    also: ['03-lstm-over-time'],
  },
  {
    slug: 'cosine-similarity',
    term: 'Cosine similarity',
    symbol: '\\cos\\theta',
    definition:
      "The cosine of the angle between two vectors, $\\mathbf a \\cdot \\mathbf b \\,/\\, (\\lVert \\mathbf a \\rVert\\, \\lVert \\mathbf b \\rVert)$: 1 when they point the same way, 0 at right angles, −1 when they point opposite ways. It ignores the vectors' lengths and compares their directions only. The kit uses it to find the nearest neighbours of a word among word vectors; two different one-hot vectors always have a cosine of 0.",
    zh: {
      term: '余弦相似度',
      definition:
        '两个向量夹角的余弦，$\\mathbf a \\cdot \\mathbf b \\,/\\, (\\lVert \\mathbf a \\rVert\\, \\lVert \\mathbf b \\rVert)$：方向相同时为 1，互相垂直时为 0，方向相反时为 −1。它不管向量的长短，只比较方向。本教程用它在词向量中寻找一个词的最近邻；两个不同的独热向量，余弦永远是 0。',
    },
    first: '04-word-embeddings',
    also: ['06-inside-classifier'],
  },
  {
    slug: 'dropout',
    term: 'Dropout',
    definition:
      'A guard against overfitting. During training each input value is set to zero at random with a fixed probability (0.2 in the R Keras model), and the values that survive are scaled up so that the average stays the same; predictions use every input. Recurrent dropout does the same to the previous hidden state $h_{t-1}$ inside an LSTM. A network that cannot count on any single input learns features that generalise better.',
    zh: {
      term: 'dropout',
      definition:
        '防止过拟合的一种手段。训练时，每个输入值都以固定的概率被随机置零（R Keras 模型中是 0.2），保留下来的值按比例放大，使平均值不变；预测时则使用全部输入。循环 dropout 对 LSTM 内部的上一个隐状态 $h_{t-1}$ 做同样的事。网络无法依赖任何单个输入，学到的特征就能更好地推广到新数据。',
    },
    first: '05-sentiment-imdb',
  },
  {
    slug: 'embedding',
    term: 'Embedding',
    symbol: 'E',
    definition:
      'A table with one learned row of $d$ numbers per word of the vocabulary, $V \\times d$ numbers in all; the vector of the word with index $w_t$ is its row, $x_t = E_{w_t,:}$. Reading the row gives the same result as multiplying a one-hot vector by $E$, without the cost. Trained inside a classifier, the table comes to put words that affect the prediction alike close together.',
    zh: {
      term: '嵌入',
      definition:
        '一张表：词汇表中的每个词占一行，每行是 $d$ 个学出来的数，共 $V \\times d$ 个数；索引为 $w_t$ 的词，其向量就是对应的那一行，$x_t = E_{w_t,:}$。直接读出这一行，与用独热向量乘以 $E$ 的结果相同，却省去了计算。在分类器中训练之后，这张表会让对预测影响相似的词彼此靠近。',
    },
    first: '04-word-embeddings',
    also: ['05-sentiment-imdb', '06-inside-classifier'],
  },
  {
    slug: 'epoch',
    term: 'Epoch',
    definition:
      "One full pass over the training examples. The kit reports after every epoch: the skip-gram cell lists each probe word's nearest neighbours, and the classifier measures itself on the validation reviews, so that epochs can be compared. More epochs fit the training data more closely, but past a point they lead to overfitting.",
    zh: {
      term: '轮（训练轮次）',
      definition:
        '把训练样本完整地过一遍。本教程每训练完一轮都会报告：skip-gram 单元格列出每个探针词的最近邻，分类器则在验证影评上评估自己，这样各轮之间可以比较。轮数越多，对训练数据拟合得越紧；但过了某个点，就会导致过拟合。',
    },
    first: '04-word-embeddings',
    also: ['05-sentiment-imdb'],
  },
  {
    slug: 'forget-gate',
    term: 'Forget gate',
    symbol: 'f_t',
    definition:
      'The gate that decides how much of the old cell state each unit keeps: $f_t = \\sigma(x_t W_f + h_{t-1} U_f + b_f)$ multiplies $C_{t-1}$. Near 1 the memory is kept, near 0 it is erased. Keras starts its bias at 1, so that a new cell leans towards remembering.',
    zh: {
      term: '遗忘门',
      definition:
        '决定每个单元保留多少旧细胞状态的门：$f_t = \\sigma(x_t W_f + h_{t-1} U_f + b_f)$ 与 $C_{t-1}$ 相乘。接近 1 时记忆被保留，接近 0 时被抹去。Keras 把它的偏置初始化为 1，让新建的细胞倾向于记住。',
    },
    first: '02-lstm-cell',
    also: ['03-lstm-over-time'],
  },
  {
    slug: 'gate',
    term: 'Gate',
    definition:
      'A vector of numbers between 0 and 1 that multiplies another vector unit by unit: 0 blocks a value, 1 lets it through, and values in between let part of it through. In an LSTM each gate is a small sigmoid layer reading the input $x_t$ and the previous hidden state $h_{t-1}$. An LSTM cell has three: the forget, input and output gates.',
    zh: {
      term: '门',
      definition:
        '一个取值在 0 到 1 之间的向量，与另一个向量逐元素相乘：0 挡住一个值，1 让它通过，介于两者之间则只放过一部分。在 LSTM 中，每个门都是一个小小的 sigmoid 层，读取输入 $x_t$ 和上一个隐状态 $h_{t-1}$。一个 LSTM 细胞有三个门：遗忘门、输入门和输出门。',
    },
    first: '02-lstm-cell',
    also: ['03-lstm-over-time'],
  },
  {
    slug: 'hidden-state',
    term: 'Hidden state',
    symbol: 'h_t',
    definition:
      "The vector a recurrent network carries from one step to the next, summarising what it has read so far; it is also the layer's output at each step. In a vanilla RNN $h_t = \\tanh(W_x x_t + W_h h_{t-1} + b)$; in an LSTM $h_t = o_t \\odot \\tanh(C_t)$. A classifier reads its prediction from the last one, $h_T$.",
    zh: {
      term: '隐状态',
      definition:
        '循环网络从一个时间步带到下一个时间步的向量，概括了它到目前为止读到的内容；它也是这一层在每个时间步的输出。普通 RNN 中 $h_t = \\tanh(W_x x_t + W_h h_{t-1} + b)$；LSTM 中 $h_t = o_t \\odot \\tanh(C_t)$。分类器根据最后一个隐状态 $h_T$ 给出预测。',
    },
    first: '01-sequences',
    also: ['02-lstm-cell'],
  },
  {
    slug: 'input-gate',
    term: 'Input gate',
    symbol: 'i_t',
    definition:
      'The gate that decides how much of the candidate memory each unit writes to the cell state: $i_t = \\sigma(x_t W_i + h_{t-1} U_i + b_i)$, and the cell adds $i_t \\odot \\tilde{C}_t$. Near 0 the memory is left as it is; near 1 the candidate is added in full.',
    zh: {
      term: '输入门',
      definition:
        '决定每个单元把多少候选记忆写入细胞状态的门：$i_t = \\sigma(x_t W_i + h_{t-1} U_i + b_i)$，细胞加上 $i_t \\odot \\tilde{C}_t$。接近 0 时记忆保持原样；接近 1 时候选记忆被完整地加进去。',
    },
    first: '02-lstm-cell',
  },
  {
    slug: 'logit',
    term: 'Logit',
    symbol: 'z',
    definition:
      "The number a classifier computes just before its final sigmoid: for the sentiment models $z = h_T \\cdot w + b$, and the predicted probability is $p = \\sigma(z)$. A logit of 0 means $p = 0.5$; positive logits lean towards a positive review, negative ones towards a negative review. Because it is a plain sum, each hidden unit's share $w_j h_{T,j}$ of it can be read off.",
    zh: {
      term: 'logit（对数几率）',
      definition:
        '分类器在最后的 sigmoid 之前算出的那个数：对情感模型来说 $z = h_T \\cdot w + b$，预测概率为 $p = \\sigma(z)$。logit 为 0 意味着 $p = 0.5$；正的 logit 偏向正面影评，负的偏向负面影评。因为它只是一个简单的求和，每个隐藏单元贡献的那一份 $w_j h_{T,j}$ 都可以直接读出来。',
    },
    first: '06-inside-classifier',
  },
  {
    slug: 'loss',
    term: 'Loss',
    symbol: 'L',
    definition:
      "One number that says how wrong a model's predictions are on some examples. Training changes the weights in the direction that lowers it, following its gradient. The kit's classifiers use the binary cross-entropy, and skip-gram a loss on words and their neighbours. A training loss that keeps falling while the validation loss rises is the sign of overfitting.",
    zh: {
      term: '损失',
      definition:
        '一个数，衡量模型在一些样本上的预测错得有多厉害。训练沿着它的梯度，朝使它降低的方向调整权重。本教程的分类器使用二元交叉熵，skip-gram 则使用一种基于词与其近邻的损失。训练损失一路下降、验证损失却在上升，就是过拟合的信号。',
    },
    first: '01-sequences',
    also: ['03-lstm-over-time', '05-sentiment-imdb'],
  },
  {
    slug: 'maxlen',
    term: '`maxlen`',
    symbol: 'L',
    definition:
      "The fixed number of ids in every row a model reads: shorter reviews are padded up to it and longer ones truncated to it. The R Keras model uses `maxlen = 80`, the Python one 100. An LSTM's weights do not depend on it, so a trained model can be rebuilt to read rows of another length.",
    zh: {
      term: '`maxlen`（最大长度）',
      definition:
        '模型读取的每一行所含 id 的固定个数：较短的影评被填充到这个长度，较长的被截断到这个长度。R Keras 模型用 `maxlen = 80`，Python 模型用 100。LSTM 的权重与它无关，所以训练好的模型可以重建出来，去读另一种长度的行。',
    },
    first: '05-sentiment-imdb',
    also: ['07-limits'],
  },
  {
    slug: 'one-hot',
    term: 'One-hot vector',
    definition:
      "A way to give a word (or any category) to a network: a vector as long as the vocabulary, all zeros except a 1 at the word's index. It says which word it is and nothing else, so any two different one-hot vectors are at right angles. With a 20,000-word vocabulary every word costs 20,000 numbers, which is why embeddings replace them.",
    zh: {
      term: '独热向量',
      definition:
        '把一个词（或任意类别）交给网络的一种方式：一个与词汇表等长的向量，只在该词的索引处为 1，其余全是 0。它只说明这是哪个词，别的什么也没说，所以任意两个不同的独热向量都互相垂直。词汇表有 20,000 个词时，每个词都要占 20,000 个数，这正是要用嵌入取代它的原因。',
    },
    first: '01-sequences',
    also: ['04-word-embeddings'],
  },
  {
    slug: 'oov',
    term: 'OOV (out of vocabulary)',
    definition:
      "Said of a word the model's vocabulary does not contain: a rare word, a misspelling, a word in another language. In the r-keras layout every such word becomes the id 2; in the py-keras layout it is dropped. A text's OOV rate is the share of its words that are out of vocabulary.",
    zh: {
      term: '词汇表外（OOV）',
      definition:
        '指模型词汇表中没有的词：生僻词、拼错的词、其他语言的词。在 r-keras 布局中，这样的词一律变成 id 2；在 py-keras 布局中则被直接丢掉。一段文本的 OOV 率，就是其中词汇表外的词所占的比例。',
    },
    first: '05-sentiment-imdb',
    also: ['07-limits'],
  },
  {
    slug: 'optimizer',
    term: 'Optimizer',
    symbol: '\\eta',
    definition:
      "The rule that turns gradients into changes of the weights, step by step, with a learning rate $\\eta$ setting the size of the steps. The kit uses Adam, as both source articles do: it keeps a running mean of each weight's gradient and of its square, and steps by their ratio, so that every weight gets a step size suited to it.",
    zh: {
      term: '优化器',
      definition:
        '把梯度变成权重更新的规则，一步一步地调整权重，步子的大小由学习率 $\\eta$ 决定。本教程和两篇源文章一样使用 Adam：它为每个权重的梯度及其平方各维护一个滑动平均，按两者之比迈步，让每个权重都得到适合自己的步长。',
    },
    first: '03-lstm-over-time',
    also: ['05-sentiment-imdb'],
  },
  {
    slug: 'output-gate',
    term: 'Output gate',
    symbol: 'o_t',
    definition:
      "The gate that decides how much of the cell's memory it shows: $o_t = \\sigma(x_t W_o + h_{t-1} U_o + b_o)$ and $h_t = o_t \\odot \\tanh(C_t)$. With the gate shut the cell can hold a memory without letting it affect its output yet.",
    zh: {
      term: '输出门',
      definition:
        '决定细胞把多少记忆展示出来的门：$o_t = \\sigma(x_t W_o + h_{t-1} U_o + b_o)$，$h_t = o_t \\odot \\tanh(C_t)$。输出门关上时，细胞可以保存一段记忆，暂时不让它影响输出。',
    },
    first: '02-lstm-cell',
  },
  {
    slug: 'overfitting',
    term: 'Overfitting',
    definition:
      'Learning the training examples themselves, noise included, rather than what holds for new ones: the training accuracy keeps rising while the validation accuracy stalls or falls and the validation loss rises. The R Keras model, with 2.6 million parameters, starts doing it on the IMDB reviews after one to three epochs. Keeping the epoch with the best validation score (early stopping) and dropout are the usual cures.',
    zh: {
      term: '过拟合',
      definition:
        '学到的是训练样本本身（连同其中的噪声），而不是对新样本也成立的规律：训练准确率不断上升，验证准确率却停滞甚至下降，验证损失上升。R Keras 模型有 260 万个参数，在 IMDB 影评上训练一到三轮后就开始过拟合。保留验证成绩最好的那一轮（早停）和 dropout 是常用的对策。',
    },
    first: '05-sentiment-imdb',
  },
  {
    slug: 'padding',
    term: 'Padding',
    definition:
      "Filling a short sequence up to a fixed length with a reserved id, 0 in Keras and in this kit. Keras's `pad_sequences` puts the zeros in front by default ('pre'), so that a review's last word is the last step the LSTM reads. The model reads the padding zeros like any other input unless it is told to skip them (masking).",
    zh: {
      term: '填充',
      definition:
        "用一个保留的 id 把短序列补到固定长度，Keras 和本教程中用的都是 0。Keras 的 `pad_sequences` 默认把 0 补在前面（'pre'），这样影评的最后一个词就是 LSTM 读到的最后一步。除非告诉模型跳过这些填充的 0（掩码），否则它会像对待其他输入一样读取它们。",
    },
    first: '05-sentiment-imdb',
    also: ['06-inside-classifier', '07-limits'],
  },
  {
    slug: 'precision-recall',
    term: 'Precision and recall',
    symbol: 'P,\\ R',
    definition:
      "Two views of a classifier's errors on the positive class. Precision is the share of the examples it calls positive that really are positive; recall is the share of the truly positive examples that it finds. F1 is their harmonic mean, $2PR/(P + R)$.",
    zh: {
      term: '精确率与召回率',
      definition:
        '从正类的角度看待分类器错误的两种视角。精确率是被判为正类的样本中真正属于正类的比例；召回率是真正的正类样本中被找出来的比例。F1 是两者的调和平均，$2PR/(P + R)$。',
    },
    first: '05-sentiment-imdb',
  },
  {
    slug: 'recurrent-network',
    term: 'Recurrent network (RNN)',
    definition:
      'A network that reads a sequence one item at a time and carries a state from each step to the next, with the same weights at every step. Drawn over time it becomes a chain of copies of one cell. The vanilla RNN of chapter 1 and the LSTM are both recurrent networks.',
    zh: {
      term: '循环神经网络（RNN）',
      definition:
        '一种逐项读取序列的网络：每个时间步都把一个状态传给下一步，并且每一步使用相同的权重。沿时间展开画出来，它就是同一个细胞的一串副本。第 1 章的普通 RNN 和 LSTM 都是循环神经网络。',
    },
    first: '01-sequences',
  },
  {
    slug: 'sigmoid',
    term: 'Sigmoid',
    symbol: '\\sigma',
    definition:
      "The logistic function $\\sigma(z) = 1 / (1 + e^{-z})$, which squashes any number into the range from 0 to 1. It turns a classifier's logit into a probability and computes the LSTM's gates. Its slope is at most 0.25 and nearly 0 far from zero, where the unit is said to be saturated.",
    zh: {
      term: 'sigmoid 函数',
      definition:
        '逻辑函数 $\\sigma(z) = 1 / (1 + e^{-z})$，把任何数压缩到 0 到 1 之间。它把分类器的 logit 变成概率，也用来计算 LSTM 的各个门。它的斜率最大只有 0.25，远离零点时几乎为 0，这时称该单元饱和了。',
    },
    first: '01-sequences',
    also: ['02-lstm-cell'],
  },
  {
    slug: 'skip-gram',
    term: 'Skip-gram',
    definition:
      'A way to learn word vectors from plain text (Mikolov and colleagues, 2013, the method behind word2vec): every word is trained to predict the words near it. With negative sampling, the score $\\mathbf u_w \\cdot \\mathbf v_c$ of a word and a real neighbour is pushed up, and its score with a few words drawn at random is pushed down. Words that keep the same company end up with vectors pointing the same way.',
    zh: {
      term: 'skip-gram',
      definition:
        '从纯文本中学习词向量的一种方法（Mikolov 等人，2013 年，即 word2vec 背后的方法）：训练每个词去预测它附近的词。采用负采样时，一个词与真实近邻的得分 $\\mathbf u_w \\cdot \\mathbf v_c$ 被推高，与几个随机抽取的词的得分被压低。常常出现在相同上下文中的词，最终会得到方向相近的向量。',
    },
    first: '04-word-embeddings',
  },
  {
    slug: 'tanh',
    term: 'tanh',
    symbol: '\\tanh',
    definition:
      'The hyperbolic tangent, $\\tanh(z) = (e^{z} - e^{-z}) / (e^{z} + e^{-z})$, which squashes any number into the range from −1 to 1; it is a stretched sigmoid, $2\\sigma(2z) - 1$. Recurrent cells use it for their state, and the LSTM for its candidate memory and its output, so that values stay bounded however long the text. Its slope is 1 at zero and falls towards 0 at both ends.',
    zh: {
      term: 'tanh 函数',
      definition:
        '双曲正切，$\\tanh(z) = (e^{z} - e^{-z}) / (e^{z} + e^{-z})$，把任何数压缩到 −1 到 1 之间；它是拉伸后的 sigmoid，$2\\sigma(2z) - 1$。循环细胞用它计算状态，LSTM 用它计算候选记忆和输出，这样无论文本多长，数值都有界。它在零点的斜率为 1，向两端逐渐趋于 0。',
    },
    first: '01-sequences',
    also: ['02-lstm-cell'],
  },
  {
    slug: 'tokenizer',
    term: 'Tokenizer',
    definition:
      "The step that cuts a text into words and gives each word an integer id. The kit follows the defaults of Keras's `Tokenizer`: lower-case the text, replace punctuation by spaces, split on spaces, and number the words by how often they occur, the most frequent first. Any text a trained model reads must go through the same tokenizer and vocabulary as its training texts.",
    zh: {
      term: '分词器',
      definition:
        '把文本切成词、并给每个词分配一个整数 id 的步骤。本教程沿用 Keras `Tokenizer` 的默认做法：文本转成小写，标点换成空格，按空格切分，再按出现频率给词编号，最常见的排在最前。训练好的模型读取任何文本，都必须经过与训练文本相同的分词器和词汇表。',
    },
    first: '01-sequences',
    also: ['05-sentiment-imdb'],
  },
  {
    slug: 'truncation',
    term: 'Truncation',
    definition:
      "Cutting a sequence longer than `maxlen` down to `maxlen` ids. Keras's default, 'pre', cuts the beginning and keeps the last `maxlen` ids, the ones nearest the output.",
    zh: {
      term: '截断',
      definition:
        "把长于 `maxlen` 的序列截到 `maxlen` 个 id。Keras 默认的 'pre' 方式截掉开头，保留最后 `maxlen` 个 id，也就是离输出最近的那些。",
    },
    first: '05-sentiment-imdb',
    also: ['07-limits'],
  },
  {
    slug: 'validation',
    term: 'Validation',
    definition:
      'Measuring a model during training on examples it does not learn from, to compare epochs and settings. By default the kit holds out a fifth of the training reviews for this and keeps the test reviews for the final evaluation. A setting chosen by looking at the test score makes that score too optimistic.',
    zh: {
      term: '验证（验证集）',
      definition:
        '在训练过程中，用模型不从中学习的样本来评估它，以便比较不同的轮次和设置。本教程默认留出五分之一的训练影评做验证，测试影评则留到最后评估时才用。如果根据测试成绩来挑选设置，这个成绩就会过于乐观。',
    },
    first: '05-sentiment-imdb',
  },
  {
    slug: 'vanishing-gradient',
    term: 'Vanishing gradient',
    definition:
      "The shrinking of a gradient as it is carried back over many steps: each step multiplies it by a factor, and a product of many factors below 1 falls geometrically. In a vanilla RNN the factor is $\\operatorname{diag}(1 - h_k^2)\\, W_h$, so the first words of a long text get almost no say in training. Along the LSTM's cell state the factor is only the forget gate, which the network can learn to hold near 1.",
    zh: {
      term: '梯度消失',
      definition:
        '梯度沿许多时间步往回传时不断缩小的现象：每一步都要乘上一个因子，许多小于 1 的因子相乘，结果按几何级数下降。普通 RNN 中这个因子是 $\\operatorname{diag}(1 - h_k^2)\\, W_h$，因此长文本开头的词在训练中几乎没有发言权。沿着 LSTM 的细胞状态，这个因子只是遗忘门，而网络可以学会让它保持在接近 1 的位置。',
    },
    first: '01-sequences',
    also: ['02-lstm-cell', '03-lstm-over-time'],
  },
  {
    slug: 'vocabulary',
    term: 'Vocabulary',
    symbol: 'V',
    definition:
      'The words a model knows, each with an integer id; $V$ is their number. For the IMDB models the kit builds it from the training reviews only, ranked by frequency, and the R Keras model keeps the 20,000 most frequent. Its size sets the length of a one-hot vector and the number of rows of an embedding; a word outside it is out of vocabulary.',
    zh: {
      term: '词汇表',
      definition:
        '模型认识的词，每个词对应一个整数 id；$V$ 是这些词的个数。对于 IMDB 模型，本教程只用训练影评构建词汇表，按频率排序，R Keras 模型保留最常见的 20,000 个词。它的大小决定了独热向量的长度和嵌入表的行数；不在其中的词就是词汇表外的词。',
    },
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

/** A term's heading and definition as an edition shows them. */
export function glossaryText(e: GlossaryEntry, locale: 'en' | 'zh'): { term: string; definition: string } {
  return locale === 'zh' ? e.zh : { term: e.term, definition: e.definition };
}
