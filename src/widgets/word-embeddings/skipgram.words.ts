/**
 * The words of <kit-skipgram> (./skipgram.ts) and its drawing (./skipgram-draw.ts), in each
 * edition. Numbers come in already formatted.
 */
import { words } from '../../i18n/words';

/** `name` with a space on each side that meets a Chinese character with a Latin letter or a digit. */
const spaced = (name: string) =>
  `${/^[\x21-\x7e]/.test(name) ? ' ' : ''}${name}${/[\x21-\x7e]$/.test(name) ? ' ' : ''}`;

export const SKIPGRAM_WORDS = words(
  {
    engine: 'tfjs in a Web Worker, loaded when you press Train',
    imdbLabel: (reviews: string) => `${reviews} IMDB training reviews`,
    textLabel: 'Your text: one review or sentence per line',
    epochs: 'Epochs',
    train: 'Train',
    stop: 'Stop',
    showEpoch: 'Show epoch',
    searchPlaceholder: 'a word',
    downloadVectors: 'Download vectors.tsv',
    downloadMetadata: 'Download metadata.tsv',
    randomStart: (epoch: string) => `${epoch} (random start)`,
    beforeTraining: (n: string, probes: string) => `After training starts: the ${n} nearest words to ${probes}.`,
    mapLater: 'The map appears when training starts.',
    mapDescription: (p: { words: string; corpus: string; epochs: string; one: boolean }) =>
      `The ${p.words} most frequent words of ${p.corpus} after ${p.epochs} epoch${p.one ? '' : 's'}, projected on their two principal components.`,
    // Layout.
    trainOn: 'Train on',
    imdbReviews: 'IMDB training reviews',
    howMany: 'how many',
    pastedText: 'a text you paste',
    dim: 'Vector length d',
    seed: 'Seed',
    lossAndNeighbours: 'Loss and neighbours',
    lossHeading: 'Loss per pair',
    neighboursHeading: 'Nearest neighbours by cosine',
    yourWord: 'Your word',
    mapSection: 'Map of the words',
    mapHeading: 'Map: the two principal components',
    findWord: 'Find a word on the map',
    // Status lines.
    loading: (loaded: string, total: string) => `Loading the IMDB training reviews: ${loaded} of ${total} MB…`,
    starting: (corpus: string, tokens: string, distinct: string) =>
      `Starting tfjs in a worker to train on ${corpus}: ${tokens} words, ${distinct} distinct…`,
    training: (p: { epoch: string; epochs: string; loss: string; speed: string; tokens: string; corpus: string }) =>
      `Epoch ${p.epoch} of ${p.epochs} · loss ${p.loss} · ${p.speed} words/s · ${p.tokens} words of ${p.corpus}`,
    stopping: 'Stopping after the current step…',
    cancelled: 'Stopped before training started.',
    done: (p: {
      stopped: boolean;
      epochs: string;
      one: boolean;
      steps: string;
      corpus: string;
      seconds: string;
      speed: string;
    }) =>
      `${p.stopped ? 'Stopped after' : 'Trained'} ${p.epochs} epoch${p.one ? '' : 's'} ` +
      `(${p.steps} steps) on ${p.corpus} in ${p.seconds} s: ${p.speed} words/s while training.`,
    // The IMDB data.
    checking: 'Looking for the prepared IMDB data on this site…',
    available: (reviews: string, vocabulary: string, minCount: string) =>
      `The prepared IMDB data is here: ${reviews} training reviews. Training uses an even spread of them (negative and positive), the ${vocabulary} most frequent words seen at least ${minCount} times.`,
    absent: (message: string, wantImdb: boolean) =>
      `${message} Load an IMDB archive in chapter 5 (this browser keeps it, and this cell uses it when you come back), or, if you host the kit, prepare the data with npm run data and build the site again. ${wantImdb ? 'Meanwhile this cell trains on the text below: paste your own, one review or sentence per line.' : ''}`,
    // The loss.
    pressTrain: 'Press Train: the loss appears here as it falls.',
    lossX: 'epoch →',
    lossY: '↑ mean loss per pair',
    lossLabel: 'Training loss',
    lossDescription: (reports: string, first: string, latest: string) =>
      `${reports} reports: the loss went from ${first} to ${latest}.`,
    // The map.
    pc1: (share: string) => `PC 1 (${share}% of the variance) →`,
    pc2: (share: string) => `↑ PC 2 (${share}%)`,
    mapLabel: 'Map of the most frequent words',
    hiddenLabels: (n: string, one: boolean) =>
      ` ${n} ${one ? 'label is' : 'labels are'} left out where ${one ? 'it' : 'they'} would cover others.`,
    mapHint:
      'The probe words are named. Hover over a dot to read its word, or find a word: it is marked with its 8 nearest neighbours.',
    notFound: (query: string, words: string, corpus: string) =>
      `"${query}" is not among the ${words} words of ${corpus}.`,
    found: (p: { query: string; rank: string; x: string; y: string; near: string }) =>
      `"${p.query}" (word ${p.rank} by frequency) is at (${p.x}, ${p.y}). Nearest: ${p.near}` +
      '. The map keeps only two directions of the vectors: close in the list is not always close on the map.',
    // Neighbours and downloads.
    notInCorpus: 'not in this corpus',
    newThisEpoch: ' (new this epoch)',
    trainFirst: 'Train first; then load both files at projector.tensorflow.org.',
    vectorsOf: (epoch: string, start: boolean, words: string, dim: string) =>
      `The vectors of epoch ${epoch}${start ? ' (the random start)' : ''}, one line per word (${words} words, d = ${dim}).`,
  },
  {
    engine: '在 Web Worker 中运行的 tfjs，点击“开始训练”时才加载',
    imdbLabel: (reviews) => `${reviews} 条 IMDB 训练影评`,
    textLabel: '你的文字：每行一条影评或一句话',
    epochs: '轮数',
    train: '开始训练',
    stop: '停止',
    showEpoch: '查看轮次',
    searchPlaceholder: '输入一个词',
    downloadVectors: '下载 vectors.tsv',
    downloadMetadata: '下载 metadata.tsv',
    randomStart: (epoch) => `${epoch}（随机初始值）`,
    beforeTraining: (n, probes) => `训练开始后，这里显示与 ${probes} 最近的 ${n} 个词。`,
    mapLater: '训练开始后，这里会出现词的地图。',
    mapDescription: (p) =>
      `${spaced(p.corpus)}中最常见的 ${p.words} 个词在训练 ${p.epochs} 轮后，投影到前两个主成分上的位置。`,
    trainOn: '训练语料',
    imdbReviews: 'IMDB 训练影评',
    howMany: '条数',
    pastedText: '你粘贴的文字',
    dim: '向量长度 d',
    seed: '随机种子',
    lossAndNeighbours: '损失与近邻',
    lossHeading: '每个词对的损失',
    neighboursHeading: '按余弦相似度排列的最近邻',
    yourWord: '你的词',
    mapSection: '词的地图',
    mapHeading: '地图：前两个主成分',
    findWord: '在地图上查找一个词',
    loading: (loaded, total) => `正在加载 IMDB 训练影评：${loaded} / ${total} MB……`,
    starting: (corpus, tokens, distinct) =>
      `正在 Web Worker 中启动 tfjs，准备在${spaced(corpus)}上训练：共 ${tokens} 个词，其中 ${distinct} 个互不相同……`,
    training: (p) =>
      `第 ${p.epoch} 轮，共 ${p.epochs} 轮 · 损失 ${p.loss} · 每秒 ${p.speed} 个词 · ${spaced(p.corpus)}中的 ${p.tokens} 个词`,
    stopping: '当前这一步结束后停止……',
    cancelled: '训练开始前已停止。',
    done: (p) =>
      `${p.stopped ? '已停止，共训练了' : '训练完成，共'} ${p.epochs} 轮（${p.steps} 步），语料为${spaced(p.corpus)}，` +
      `用时 ${p.seconds} 秒；训练时每秒处理 ${p.speed} 个词。`,
    checking: '正在查找本站上预处理好的 IMDB 数据……',
    available: (reviews, vocabulary, minCount) =>
      `本站有预处理好的 IMDB 数据：${reviews} 条训练影评。训练时会从中均匀选取（负面和正面各半），只用出现至少 ${minCount} 次的最常见的 ${vocabulary} 个词。`,
    absent: (message, wantImdb) =>
      `${message} 你可以在第 5 章加载 IMDB 压缩包（浏览器会保存它，你回到这里时这个单元就会使用它）；如果你自己部署本教程，请用 npm run data 准备数据，再重新构建网站。${wantImdb ? '在此之前，这个单元会在下面的文字上训练：你也可以粘贴自己的文字，每行一条影评或一句话。' : ''}`,
    pressTrain: '点击“开始训练”：损失下降的过程会显示在这里。',
    lossX: '训练轮次 →',
    lossY: '↑ 每个词对的平均损失',
    lossLabel: '训练损失',
    lossDescription: (reports, first, latest) => `共 ${reports} 次报告：损失从 ${first} 降到 ${latest}。`,
    pc1: (share) => `PC 1（解释了 ${share}% 的方差）→`,
    pc2: (share) => `↑ PC 2（${share}%）`,
    mapLabel: '最常见的词的地图',
    hiddenLabels: (n) => `有 ${n} 个标签会遮住其他标签，因此没有显示。`,
    mapHint:
      '图中标出了探针词。把鼠标移到某个点上可以看到它是哪个词；也可以查找一个词，它会和最近的 8 个近邻一起被标出。',
    notFound: (query, words, corpus) => `“${query}”不在${spaced(corpus)}的 ${words} 个词中。`,
    found: (p) =>
      `“${p.query}”（按词频排第 ${p.rank} 位）位于 (${p.x}, ${p.y})。最近的词：${p.near}` +
      '。地图只保留了向量的两个方向：在列表里相近的词，在地图上不一定相近。',
    notInCorpus: '不在这份语料中',
    newThisEpoch: '（本轮新出现）',
    trainFirst: '请先训练，然后在 projector.tensorflow.org 加载这两个文件。',
    vectorsOf: (epoch, start, words, dim) =>
      `第 ${epoch} 轮的向量${start ? '（随机初始值）' : ''}，每个词一行（${words} 个词，d = ${dim}）。`,
  },
);
