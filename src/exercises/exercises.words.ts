/**
 * The words of the exercises, in each edition: what Predict.astro and Challenge.astro render
 * (`EXERCISE_WORDS[locale]`), what the browser writes into them (page.ts, score.ts, checks.ts:
 * `EXERCISE_WORDS.now()`), and the words of the exercises sheet and the home page's progress
 * lines. Numbers come in already formatted; counts come in as numbers.
 */
import { words } from '../i18n/words';

export const EXERCISE_WORDS = words(
  {
    /** Rendered by Predict.astro and Challenge.astro. */
    predictFirst: 'Predict first',
    checkGuess: 'Check my guess',
    showInWidget: 'Show it in the widget',
    challenge: 'Challenge',
    solvedMark: '✓ Solved',
    followsReview: 'The review cell above checks this once it has read your review with a trained model.',
    followsModel: 'The cell above checks this with the trained model once it has one.',
    followsWidget: 'The widget above checks this as you change it.',
    /** A hint's summary: `k` counts from 1 where there are several, null where there is one. */
    hint: (k: number | null) => (k === null ? 'Hint' : `Hint ${k}`),
    solution: 'Solution',
    setSolution: 'Set the widget to this solution',

    /** Written by page.ts. */
    storageRefused: (error: string) => `Your browser did not keep this for your next visit (${error}).`,
    pickOne: 'Pick one first.',
    typeNumber: 'Type a number first.',
    cannotCheck: 'This challenge cannot be checked here.',
    solvedNow: 'Solved! This challenge is marked done.',
    challengesSolved: (done: number, total: number) => `${done} of ${total} challenges solved`,
    predictionsMade: (done: number, total: number) => `${done} of ${total} predictions made`,
    progressLine: (parts: string[]) => `Exercises: ${parts.join(', ')}.`,
    resetRefused: (error: string) => `Your browser refused: ${error}.`,
    resetDone: 'Your progress is reset.',

    /** Written by score.ts: how far a guess was. */
    score: {
      right: (label: string) => `Right: ${label}.`,
      notQuite: (label: string) => `Not quite: the answer is “${label}”.`,
      notANumber: 'That is not a number.',
      spotOn: 'Spot on',
      close: 'Close',
      farTooLarge: 'Far too large',
      farTooSmall: 'Far too small',
      tooLarge: 'Too large',
      tooSmall: 'Too small',
      logAnswer: (lead: string, power: string, off: string, guess: string) =>
        `${lead}: the answer is about 10 to the power ${power}, ${off} powers of ten from your guess of ${guess}.`,
      linearAnswer: (lead: string, value: string, off: string, guess: string) =>
        `${lead}: the answer is ${value}, ${off} from your guess of ${guess}.`,
    },

    /** Written by checks.ts: the line that follows the widget's state. */
    check: {
      sigmoid: (z: string, y: string) => `Now: σ(${z}) = ${y}.`,
      notAbsent: 'Now: “not” is not in your sentence.',
      /** `first`: the word with index 1, or null where it is “not”. */
      notIndex: (index: number, first: string | null) =>
        `Now: “not” has index ${index}${first === null ? '' : `, and “${first}” has index 1`}.`,
      noRepeat: 'Now: no word occurs twice in your sentence.',
      repeatGap: (word: string, gap: string, scale: string) =>
        `Now: the two states of “${word}” differ by up to ${gap} (size of W_h ${scale}).`,
      gradientBalance: (length: number, scale: string, g: string) =>
        `Now: with T = ${length} and ‖W_h‖ = ${scale}, ‖∂h_T/∂h_0‖ = ${g}.`,
      overwrite: (cPrev: string, f: string, i: string, c: string, cNew: string) =>
        `Now: Cₜ₋₁ = ${cPrev}, f = ${f}, i = ${i}, C̃ = ${c}, Cₜ = ${cNew}.`,
      keepHidden: (cPrev: string, f: string, i: string, h: string) =>
        `Now: Cₜ₋₁ = ${cPrev}, f = ${f}, i = ${i}, hₜ = ${h}.`,
      largestH: (o: string, c: string, h: string) => `Now: o = ${o}, Cₜ = ${c}, hₜ = ${h}.`,
      emptySentence: 'Now: the sentence is empty.',
      openGates: (bias: string, least: string) => `Now: with b_f = ${bias} the smallest forget gate is ${least}.`,
      /** `lower`: a lower bias that carries the gradient too, or null. */
      smallestBias: (length: number, bias: string, g: string, lower: string | null) =>
        `Now: T = ${length}, b_f = ${bias}: the cell-state gradient at t = 0 is ${g}` +
        (lower === null ? '.' : `; a lower bias, ${lower}, carries it too.`),
      rnnWindow: (length: number, scale: string, g: string) =>
        `Now: T = ${length}, ‖W_h‖ = ${scale}: the RNN's gradient at t = 0 is ${g}.`,
      /** The cosine of a zero vector, in place of a number. */
      undefinedCosine: 'undefined (a zero vector)',
      rightAngle: (ax: string, ay: string, bx: string, by: string, cosine: string) =>
        `Now: a = (${ax}, ${ay}), b = (${bx}, ${by}), cosine ${cosine}.`,
      sameDirection: (cosine: string, ratio: string) =>
        `Now: cosine ${cosine}, the longer vector is ${ratio} times the shorter.`,
      noAngle: 'Now: a zero vector has no angle.',
      sixtyDegrees: (cosine: string, angle: string) => `Now: cosine ${cosine}, an angle of ${angle}°.`,
      withNot: (count: number, hasNot: boolean, p: string) =>
        `Now: ${count} words, ${hasNot ? 'with' : 'without'} “not”; the model says p = ${p}.`,
      wordsSay: (count: number, p: string) => `Now: ${count} word${count === 1 ? '' : 's'}; the model says p = ${p}.`,
      lastWord: (count: number, before: string, final: string) =>
        `Now: ${count} words; p = ${before} before the last word, ${final} after it.`,
      emptyReview: 'Now: the review is empty.',
      cutPraise: (count: number, first: string, cut: boolean, p: string) =>
        `Now: ${count} words; the first, “${first}”, is ${cut ? 'cut' : 'read'}; the model says p = ${p}.`,
      postPositive: (pre: string, post: string) => `Now: p = ${pre} with 'pre' padding, ${post} with 'post' padding.`,
      zerosFlip: (masked: string, pre: string) =>
        `Now: p = ${masked} with the zeros skipped, ${pre} with the zeros read first.`,
      allUnknown: (oov: number, count: number, p: string) =>
        `Now: ${oov} of ${count} words out of the vocabulary; the model says p = ${p}.`,
    },

    /** For the exercises sheet (src/pages/exercises.astro) and the home page's progress lines. */
    sheet: {
      predict: 'Predict.',
      makePrediction: (chapter: number) => `Make this prediction in chapter ${chapter}`,
      tryChallenge: (chapter: number) => `Try this challenge in chapter ${chapter}`,
      answer: 'Answer',
      hints: (count: number): string => (count > 1 ? 'Hints' : 'Hint'),
      challengeTitle: (title: string) => `Challenge: ${title}.`,
      showAll: 'Show all solutions',
      hideAll: 'Hide all solutions',
      /** A log-scale answer in words: the power (one decimal) and the value. */
      aboutPower: (power: string, value: string) => `about 10 to the power ${power} (${value})`,
      challengesCount: (n: number) => `${n} challenge${n === 1 ? '' : 's'}`,
      predictionsCount: (n: number) => `${n} prediction${n === 1 ? '' : 's'}`,
      resetProgress: 'Reset my progress',
    },
  },
  {
    predictFirst: '先猜一猜',
    checkGuess: '核对我的猜测',
    showInWidget: '在互动组件中查看',
    challenge: '挑战',
    solvedMark: '✓ 已解决',
    followsReview: '上方的影评单元格用训练好的模型读过你的影评后，就会检查这一项。',
    followsModel: '上方的单元格一旦有了训练好的模型，就会用它检查这一项。',
    followsWidget: '你调整上方的互动组件时，它会随时检查这一项。',
    hint: (k) => (k === null ? '提示' : `提示 ${k}`),
    solution: '参考答案',
    setSolution: '把互动组件设为这个答案',

    storageRefused: (error) => `你的浏览器没有保存这一进度，下次访问时不会保留（${error}）。`,
    pickOne: '请先选一项。',
    typeNumber: '请先输入一个数。',
    cannotCheck: '这个挑战无法在这里检查。',
    solvedNow: '解决了！这个挑战已标记为完成。',
    challengesSolved: (done, total) => `已解决 ${done} 个挑战（共 ${total} 个）`,
    predictionsMade: (done, total) => `已作答 ${done} 个预测（共 ${total} 个）`,
    progressLine: (parts) => `练习：${parts.join('，')}。`,
    resetRefused: (error) => `你的浏览器拒绝了：${error}。`,
    resetDone: '你的进度已清空。',

    score: {
      right: (label) => `答对了：${label}。`,
      notQuite: (label) => `不太对：答案是“${label}”。`,
      notANumber: '这不是一个数。',
      spotOn: '完全正确',
      close: '很接近',
      farTooLarge: '大得太多',
      farTooSmall: '小得太多',
      tooLarge: '偏大',
      tooSmall: '偏小',
      logAnswer: (lead, power, off, guess) =>
        `${lead}：答案约为 10 的 ${power} 次方，与你猜的 ${guess} 相差 ${off} 个数量级。`,
      linearAnswer: (lead, value, off, guess) => `${lead}：答案是 ${value}，与你猜的 ${guess} 相差 ${off}。`,
    },

    check: {
      sigmoid: (z, y) => `当前：σ(${z}) = ${y}。`,
      notAbsent: '当前：你的句子里没有“not”。',
      notIndex: (index, first) => `当前：“not”的索引是 ${index}${first === null ? '' : `，而“${first}”的索引是 1`}。`,
      noRepeat: '当前：你的句子里没有出现两次的词。',
      repeatGap: (word, gap, scale) => `当前：“${word}”的两个隐状态最多相差 ${gap}（W_h 的大小为 ${scale}）。`,
      gradientBalance: (length, scale, g) => `当前：T = ${length}，‖W_h‖ = ${scale}，‖∂h_T/∂h_0‖ = ${g}。`,
      overwrite: (cPrev, f, i, c, cNew) => `当前：Cₜ₋₁ = ${cPrev}，f = ${f}，i = ${i}，C̃ = ${c}，Cₜ = ${cNew}。`,
      keepHidden: (cPrev, f, i, h) => `当前：Cₜ₋₁ = ${cPrev}，f = ${f}，i = ${i}，hₜ = ${h}。`,
      largestH: (o, c, h) => `当前：o = ${o}，Cₜ = ${c}，hₜ = ${h}。`,
      emptySentence: '当前：句子是空的。',
      openGates: (bias, least) => `当前：b_f = ${bias} 时，最小的遗忘门是 ${least}。`,
      smallestBias: (length, bias, g, lower) =>
        `当前：T = ${length}，b_f = ${bias}：t = 0 处的细胞状态梯度是 ${g}` +
        (lower === null ? '。' : `；更低的偏置 ${lower} 也能把它传过去。`),
      rnnWindow: (length, scale, g) => `当前：T = ${length}，‖W_h‖ = ${scale}：RNN 在 t = 0 处的梯度是 ${g}。`,
      undefinedCosine: '无定义（有零向量）',
      rightAngle: (ax, ay, bx, by, cosine) => `当前：a = (${ax}, ${ay})，b = (${bx}, ${by})，余弦为 ${cosine}。`,
      sameDirection: (cosine, ratio) => `当前：余弦为 ${cosine}，较长的向量是较短的 ${ratio} 倍。`,
      noAngle: '当前：零向量没有方向，也就没有夹角。',
      sixtyDegrees: (cosine, angle) => `当前：余弦为 ${cosine}，夹角为 ${angle}°。`,
      withNot: (count, hasNot, p) => `当前：${count} 个词，${hasNot ? '含有' : '不含'}“not”；模型给出 p = ${p}。`,
      wordsSay: (count, p) => `当前：${count} 个词；模型给出 p = ${p}。`,
      lastWord: (count, before, final) => `当前：${count} 个词；最后一个词之前 p = ${before}，之后为 ${final}。`,
      emptyReview: '当前：影评是空的。',
      cutPraise: (count, first, cut, p) =>
        `当前：${count} 个词；第一个词“${first}”${cut ? '被截掉了' : '被读到了'}；模型给出 p = ${p}。`,
      postPositive: (pre, post) => `当前：采用 'pre' 填充时 p = ${pre}，采用 'post' 填充时为 ${post}。`,
      zerosFlip: (masked, pre) => `当前：跳过这些 0 时 p = ${masked}，先读这些 0 时为 ${pre}。`,
      allUnknown: (oov, count, p) => `当前：${count} 个词中有 ${oov} 个在词汇表外；模型给出 p = ${p}。`,
    },

    sheet: {
      predict: '先猜一猜。',
      makePrediction: (chapter) => `到第 ${chapter} 章作答`,
      tryChallenge: (chapter) => `到第 ${chapter} 章挑战`,
      answer: '答案',
      hints: () => '提示',
      challengeTitle: (title) => `挑战：${title}。`,
      showAll: '显示全部参考答案',
      hideAll: '隐藏全部参考答案',
      aboutPower: (power, value) => `约为 10 的 ${power} 次方（${value}）`,
      challengesCount: (n) => `${n} 个挑战`,
      predictionsCount: (n) => `${n} 个预测`,
      resetProgress: '清空我的进度',
    },
  },
);
