/** The words of chapter 7's model panel (./limits-model.ts), in each edition. */
import { words } from '../../i18n/words';

export const LIMITS_MODEL_WORDS = words(
  {
    loadFiles: 'Load model files',
    loadOther: 'Load other model files',
    loadFilesNamed: 'Load model files (model.json and weights.bin)',
    loadFailed: (message: string) => `Load model files: ${message}`,
    trainOne: 'train one in chapter 5',
    loading: 'Loading your trained model…',
    noneBefore: 'This cell needs a trained sentiment model, and this browser has none yet: ',
    noneMiddle: ', or load the files of one (model.json with its weights, as chapter 5’s Download or ',
    noneAfter: ' writes them).',
    errorBefore: (message: string) => `Your trained model could not be loaded: ${message} Load its files again, or `,
    errorAfter: '.',
    usingKit: "Using the kit's model: ",
    usingYours: 'Using your trained model: ',
    kitAfter: '. Train your own in chapter 5, or load its files, and it takes its place.',
    yoursAfter: '.',
  },
  {
    loadFiles: '加载模型文件',
    loadOther: '加载其他模型文件',
    loadFilesNamed: '加载模型文件（model.json 和 weights.bin）',
    loadFailed: (message) => `加载模型文件失败：${message}`,
    trainOne: '到第 5 章训练一个',
    loading: '正在加载你训练的模型……',
    noneBefore: '这一节需要一个训练好的情感模型，但这个浏览器里还没有：',
    noneMiddle: '，或者加载一个模型的文件（model.json 及其权重，由第 5 章的“下载”按钮或 ',
    noneAfter: ' 生成）。',
    errorBefore: (message) => `无法加载你训练的模型：${message} 请重新加载它的文件，或者`,
    errorAfter: '。',
    usingKit: '正在使用本教程自带的模型：',
    usingYours: '正在使用你训练的模型：',
    kitAfter: '。你可以在第 5 章训练自己的模型，或加载它的文件，它会取而代之。',
    yoursAfter: '。',
  },
);
