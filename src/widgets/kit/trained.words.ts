/**
 * The words of the kit's trained model as widgets show it, in each edition: errors in loading
 * model files (./trained.ts), the model's one-line description (./trained-classifier.ts), the
 * "Back to the kit's model" button (./back-to-kit.ts) and why a word has no neighbours
 * (./classifier-lists.ts). Numbers come in already formatted; file names and model labels
 * ("r-keras", "py-keras") are data.
 */
import { words } from '../../i18n/words';

/** A Chinese sentence built around a message (perhaps English, from a browser): one full stop. */
function zhSentence(text: string): string {
  const t = text.trimEnd().replace(/(?<!\.)\.$/, '');
  return /[。！？…!?]$/.test(t) ? t : `${t}。`;
}

export const TRAINED_WORDS = words(
  {
    chooseJson: 'choose the model.json file together with its weights (.bin) file',
    chooseWeights: (json: string) => `choose the weights file (.bin) together with ${json}`,
    notJson: (json: string, message: string) => `the model could not be read: ${json} is not valid JSON (${message})`,
    notModelJson: (json: string) =>
      `the model could not be read: ${json} is not a tfjs model.json (no modelTopology or weightsManifest)`,
    missingWeights: (name: string, json: string) =>
      `the model could not be read: choose its weights file ${name} together with ${json}`,
    notKept: (message: string) =>
      `the model in these files is fine, but it could not be kept in this browser: ${message}. ` +
      'The model kept before (if any) is still the one in use.',
    epochs: (n: number, formatted: string) => `${formatted} epoch${n === 1 ? '' : 's'}`,
    keptEpoch: (kept: string, done: string) => `epoch ${kept} of ${done} (the best on validation)`,
    testScore: (accuracy: string, count: string) => `, ${accuracy} accuracy on ${count} test reviews`,
    description: (label: string, maxlen: string, epochs: string, score: string) =>
      `${label}, maxlen ${maxlen}, ${epochs}${score}`,
    backToKit: "Back to the kit's model",
    notRestored: (message: string) => `The kit's model could not be restored: ${message}`,
    notInVocabulary: (size: string) => `not in the model's vocabulary (${size} words)`,
    pastIds: (rank: string, ids: string, dropped: boolean) =>
      `word ${rank} by frequency, past the model's ${ids} ids: it ${dropped ? 'is dropped' : 'reads as <oov>'}`,
  },
  {
    chooseJson: '请把 model.json 和它的权重文件（.bin）一起选上',
    chooseWeights: (json) => `请把权重文件（.bin）和 ${json} 一起选上`,
    notJson: (json, message) => `无法读取模型：${json} 不是有效的 JSON（${message}）`,
    notModelJson: (json) => `无法读取模型：${json} 不是 tfjs 的 model.json（缺少 modelTopology 或 weightsManifest）`,
    missingWeights: (name, json) => `无法读取模型：请把它的权重文件 ${name} 和 ${json} 一起选上`,
    notKept: (message) =>
      `这些文件里的模型没有问题，但无法保存在这个浏览器中：${zhSentence(message)}之前保存的模型（如果有）仍在使用。`,
    epochs: (_n, formatted) => `${formatted} 轮`,
    keptEpoch: (kept, done) => `${done} 轮，取其中第 ${kept} 轮（验证集上最好的一轮）`,
    testScore: (accuracy, count) => `，在 ${count} 条测试影评上的准确率为 ${accuracy}`,
    description: (label, maxlen, epochs, score) => `${label}，maxlen ${maxlen}，训练 ${epochs}${score}`,
    backToKit: '换回本教程自带的模型',
    notRestored: (message) => `无法换回本教程自带的模型：${message}`,
    notInVocabulary: (size) => `不在模型的词汇表中（共 ${size} 个词）`,
    pastIds: (rank, ids, dropped) =>
      `按词频排第 ${rank}，超出了模型的 ${ids} 个编号：${dropped ? '它会被丢弃' : '它被读作 <oov>'}`,
  },
);
