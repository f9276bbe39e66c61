/**
 * The words of the kit's own pages, in each edition: the table of contents (home), the glossary,
 * the sources, the exercises sheet and the missing page. Astro renders them at build time
 * (`PAGE_WORDS[locale]`); the home page's script reads the same words for what it writes.
 */
import { words } from './words';

/** What a chapter lets a reader do, as the home page lists it: its short name in the picture (one or two lines, split at `|`) and a sentence. */
export interface Step {
  label: string;
  does: string;
}

export const PAGE_WORDS = words(
  {
    home: {
      title: 'Contents',
      heading: 'Recurrent networks, LSTM gates and word embeddings',
      intro:
        'An explorable notebook: prose and formulas beside live models you can change. Every widget runs the real computation in your browser.',
      pathTitle: 'The path through the kit',
      pathDescription: (steps: number, list: string) => `${steps} steps, one per chapter: ${list}.`,
      pathCaption: (minutes: number) =>
        `Chapters 1 to 3 build the LSTM up from a simple recurrent cell; chapter 4 turns words into vectors; chapters 5 to 7 train a real classifier on movie reviews, open it up and test its limits. In all, about ${minutes} minutes; it need not be one sitting, since what you train stays in your browser.`,
      chapters: 'Chapters',
      time: (total: number, reading: number, trying: number) =>
        `About ${total} minutes: about ${reading} to read and ${trying} to try.`,
      exercises: 'Exercises',
      exercisesBefore: (predictions: number, challenges: number) =>
        `Beside the widgets, every chapter asks you to predict an answer before the widget shows it, and set challenges that the widget checks as you work: ${predictions} predictions and ${challenges} challenges in all. What you have done is kept in this browser only, and counted under each chapter above. The `,
      exercisesLink: 'exercises page',
      exercisesAfter: ' lists them all on one printable sheet, with hints and solutions shown on request.',
      alongTheWay: 'Along the way',
      glossaryBefore: 'The ',
      glossaryLink: 'glossary',
      glossaryAfter:
        ' explains the terms the chapters use, from cell state to overfitting; each chapter links a term’s first use to it. The ',
      referencesLink: 'references',
      referencesAfter:
        ' name the two source articles, a Python and an R Keras article, and the papers and documentation behind the kit.',
      languageNote:
        'The kit also exists in Chinese: the language switch at the top of every page leads to the same place in the other edition, with the widgets as you left them.',
      steps: {
        '01-sequences': {
          label: 'Sequences',
          does: 'Turn words into integers and one-hot vectors, step a simple recurrent cell through a sentence, and measure how fast its gradient vanishes.',
        },
        '02-lstm-cell': {
          label: 'The LSTM|cell',
          does: 'Move the forget, input and output gates of one LSTM cell and follow every number of its step, then see why its cell state lets gradients through.',
        },
        '03-lstm-over-time': {
          label: 'LSTM over|time',
          does: 'Watch an LSTM read a sentence gate by gate, train it and a simple recurrent network on a task that needs memory, and see how far back each one’s gradient reaches.',
        },
        '04-word-embeddings': {
          label: 'Word|embeddings',
          does: 'Compare one-hot vectors with an embedding lookup, measure cosine similarity, and train word vectors with skip-gram on movie reviews, then map them in 2-D.',
        },
        '05-sentiment-imdb': {
          label: 'Sentiment|on IMDB',
          does: 'Load the IMDB movie reviews, turn each into the row of ids Keras makes of it, train the articles’ LSTM classifiers in your browser (by default on 20,000 of the 25,000 training reviews, a fifth held out for validation), test them against two baselines, and try your own review.',
        },
        '06-inside-classifier': {
          label: 'Inside the|classifier',
          does: 'Follow the trained classifier’s prediction word by word, watch the gates and states of the units it leans on, and see what its word vectors learned.',
        },
        '07-limits': {
          label: 'Limits',
          does: 'Measure your model’s accuracy against maxlen, see what padding does to a prediction, try reviews in other languages, and check which hosts the page has contacted.',
        },
      } as Record<string, Step>,
    },
    glossary: {
      title: 'Glossary',
      description:
        'The terms of the kit, from cell state to vocabulary: a plain definition of each, its symbol, and the chapter where you first meet it.',
      intro:
        'The terms the chapters use, in alphabetical order. Each has a plain definition, its symbol in the formulas where it has one, and a link to the chapter where you first meet it. In a chapter, the first use of a term links here.',
      jumpLabel: 'Terms in this glossary',
      symbol: 'symbol ',
      firstMet: 'First met in ',
      chapterTitle: (n: number, title: string) => `chapter ${n}, ${title}`,
      alsoIn: '; also in ',
      chapter: (n: number) => `chapter ${n}`,
      listSeparator: ', ',
      end: '.',
      /** How the other edition names the term, after the term: for the Chinese edition, the English term. */
      otherTerm: 'Chinese: ',
      checkedTitle: 'how this glossary is checked',
      checked:
        'The terms, their definitions and their chapters are kept in src/glossary.ts, in both editions, and this page is built from that list. A unit test (test/unit/glossary.test.ts) checks that every link from a chapter to the glossary or to the sources, written ../../glossary/#slug or ../../references/#id, names an entry that exists, and an end-to-end test (test/e2e/glossary.test.ts) opens this page in a browser and follows every chapter link on it.',
    },
    references: {
      title: 'Sources',
      description:
        'The two articles the kit follows and the papers behind it: LSTM, the IMDB dataset, skip-gram and Keras’s conventions, with what the kit takes from each.',
      intro:
        'Where the kit’s models, pictures and numbers come from. Each entry says what the kit takes from the source and which chapters draw on it; a chapter that relies on a source links here.',
      articlesHeading: 'The two source articles',
      articlesIntro:
        'The kit began as an explorable version of two articles. Both are Chinese blog posts; the chapters call them the Python Keras article and the R Keras article.',
      literatureHeading: 'Papers and documentation',
      literatureIntro: 'The work the articles and the chapters build on, in the order the kit meets it.',
      takes: 'What the kit takes from it.',
      usedIn: 'Used in ',
    },
    exercises: {
      title: 'Exercises',
      description:
        'Every prediction and challenge of the kit on one printable sheet, with a link to each, hints, and solutions shown on request.',
      intro: (predictions: number, challenges: number) =>
        `The ${predictions} predictions and ${challenges} challenges of the chapters, on one sheet. A prediction asks for a guess before a widget shows the answer; a challenge asks for a state of a widget, which the widget checks as the reader works. Each links to its place in its chapter, where it is checked and counted. Hints are folded under each challenge; the solutions stay hidden until you show them. Printed, the sheet leaves out the solutions unless they are shown.`,
      chapterHeading: (n: number, title: string) => `Chapter ${n}: ${title}`,
      end: '.',
    },
    notFound: {
      title: 'Page not found',
      text: 'This page does not exist. The ',
      link: 'table of contents',
      after: ' lists every chapter.',
    },
  },
  {
    home: {
      title: '目录',
      heading: '循环神经网络、LSTM 的门与词嵌入',
      intro: '一本可以动手探索的笔记：文字和公式旁边就是可以调整的真实模型。每个互动组件都在你的浏览器里做真实的计算。',
      pathTitle: '本教程的学习路线',
      pathDescription: (steps, list) => `共 ${steps} 步，每章一步：${list}。`,
      pathCaption: (minutes) =>
        `第 1 到 3 章从最简单的循环单元出发，一步步搭出 LSTM；第 4 章把词变成向量；第 5 到 7 章在电影影评上训练一个真正的分类器，再打开它看看内部，并测试它的局限。全部学完大约需要 ${minutes} 分钟；不必一次读完，你训练的模型会保存在浏览器里。`,
      chapters: '章节',
      time: (total, reading, trying) => `约 ${total} 分钟：阅读约 ${reading} 分钟，动手约 ${trying} 分钟。`,
      exercises: '练习',
      exercisesBefore: (predictions, challenges) =>
        `除了互动组件，每一章都会请你在组件揭晓答案之前先猜一猜，还会布置由组件实时检查的挑战：一共 ${predictions} 个预测和 ${challenges} 个挑战。你的完成情况只保存在这个浏览器里，并显示在上面每一章的下方。`,
      exercisesLink: '练习页',
      exercisesAfter: '把它们全部列在一张可打印的练习单上，提示和参考答案需要时再展开。',
      alongTheWay: '学习时的参考',
      glossaryBefore: '本教程的',
      glossaryLink: '术语表',
      glossaryAfter:
        '解释各章用到的术语，从细胞状态到过拟合，并给出中英文对照；每章第一次出现某个术语时都会链接到这里。',
      referencesLink: '参考资料',
      referencesAfter: '页列出两篇原始文章（一篇用 Python Keras，一篇用 R Keras），以及本教程依据的论文和文档。',
      languageNote:
        '第 5 到 7 章的影评来自 IMDB，是英文的：它们是模型的训练数据，所以保留原文；模型也只认识英文单词。影评周围的说明全部是中文。',
      steps: {
        '01-sequences': {
          label: '序列',
          does: '把词变成整数和独热向量，让一个简单的循环单元逐词读一个句子，并测量它的梯度消失得有多快。',
        },
        '02-lstm-cell': {
          label: 'LSTM|单元',
          does: '调节一个 LSTM 单元的遗忘门、输入门和输出门，跟踪它一步计算中的每个数，再看看为什么细胞状态能让梯度顺利通过。',
        },
        '03-lstm-over-time': {
          label: '随时间|展开',
          does: '看 LSTM 逐门读完一个句子；在一个需要记忆的任务上训练它和一个简单循环网络，比较两者的梯度各能传回多远。',
        },
        '04-word-embeddings': {
          label: '词嵌入',
          does: '比较独热向量和嵌入查表，计算余弦相似度，用 skip-gram 在影评上训练词向量，再把它们画到二维平面上。',
        },
        '05-sentiment-imdb': {
          label: 'IMDB|情感分类',
          does: '载入 IMDB 影评，把每条影评变成 Keras 生成的那一行编号，在浏览器里训练两篇文章的 LSTM 分类器（默认用 25,000 条训练影评中的 20,000 条，留出五分之一做验证），与两个基线比较，再试试你自己写的影评。',
        },
        '06-inside-classifier': {
          label: '分类器|内部',
          does: '逐词跟踪训练好的分类器如何做出预测，观察它最依赖的那些单元的门和状态，看看它的词向量学到了什么。',
        },
        '07-limits': {
          label: '局限',
          does: '测量模型的准确率如何随 maxlen 变化，看看填充对预测有什么影响，试试其他语言的影评，并查看页面连接过哪些主机。',
        },
      },
    },
    glossary: {
      title: '术语表',
      description:
        '本教程的术语，从细胞状态到词汇表：每个术语都有中英文对照、通俗的定义、公式中的符号，以及首次出现的章节。',
      intro:
        '各章用到的术语，按英文名的字母顺序排列，每个都附有英文原名。每个术语都有通俗的定义，有符号的给出它在公式中的符号，并链接到首次出现它的章节。在各章中，术语第一次出现时会链接到这里。',
      jumpLabel: '术语列表',
      symbol: '符号 ',
      firstMet: '首次出现于 ',
      chapterTitle: (n, title) => `第 ${n} 章「${title}」`,
      alsoIn: '；另见',
      chapter: (n) => `第 ${n} 章`,
      listSeparator: '、',
      end: '。',
      otherTerm: '英文：',
      checkedTitle: '这个术语表如何检查',
      checked:
        '术语、定义及其章节（中英两版）都保存在 src/glossary.ts 中，本页由这份列表生成。单元测试（test/unit/glossary.test.ts）检查每一章指向术语表或参考资料的链接（写作 ../../glossary/#slug 或 ../../references/#id）都指向存在的条目；端到端测试（test/e2e/glossary.test.ts）在浏览器中打开本页，并点开其中每个章节链接。',
    },
    references: {
      title: '参考资料',
      description:
        '本教程依据的两篇文章和背后的论文：LSTM、IMDB 数据集、skip-gram 以及 Keras 的约定，并说明本教程从每一份资料中用了什么。',
      intro:
        '本教程的模型、图示和数字从哪里来。每个条目说明本教程从中用了什么，以及哪些章节用到它；依赖某份资料的章节都会链接到这里。',
      articlesHeading: '两篇原始文章',
      articlesIntro:
        '本教程最初是两篇文章的可交互版本。两篇都是中文博客文章；各章把它们称为「Python Keras 文章」和「R Keras 文章」。',
      literatureHeading: '论文与文档',
      literatureIntro: '两篇文章和各章所依据的工作，按本教程中出现的先后排列。',
      takes: '本教程从中用了什么：',
      usedIn: '用于：',
    },
    exercises: {
      title: '练习',
      description: '本教程所有的预测和挑战，汇集在一张可打印的练习单上，每题都有链接、提示，参考答案需要时再展开。',
      intro: (predictions, challenges) =>
        `各章的 ${predictions} 个预测和 ${challenges} 个挑战，汇集在一张练习单上。预测题请你在组件揭晓答案之前先猜一猜；挑战题请你把组件调到某个状态，组件会在你操作时实时检查。每道题都链接到它在章节中的位置，在那里检查并计入进度。提示折叠在每个挑战下面；参考答案在你展开之前一直隐藏。打印时，练习单不包含未展开的参考答案。`,
      chapterHeading: (n, title) => `第 ${n} 章：${title}`,
      end: '。',
    },
    notFound: {
      title: '页面不存在',
      text: '这个页面不存在。',
      link: '目录',
      after: '列出了所有章节。',
    },
  },
);
