/**
 * The words of <kit-sentiment-train> (./sentiment-train.ts) and of its training run's status
 * lines (./training-run.ts), in each edition. Numbers come in already formatted.
 */
import { words } from '../../i18n/words';

export const SENTIMENT_TRAIN_WORDS = words(
  {
    home: 'The reviews in this page',
    engine: 'tfjs in a Web Worker',
    needsReviews: (resume: boolean) =>
      `Load the reviews first, in “The reviews in this page” above: ${resume ? 'resuming' : 'training'} needs them.`,
    train: 'Train',
    pause: 'Pause',
    resume: 'Resume',
    stop: 'Stop',
    progressLabel: 'Training progress',
    presetNote: (model: string) => `These are the ${model} settings.`,
    shorterNote: (model: string, epochs: string, full: string) =>
      `The ${model} model and training, for ${epochs} of its ${full} epochs.`,
    customNote: (layout: string) => `Custom settings, on the ${layout} layout: changed from the preset.`,
    loadFirst: 'Load the reviews first (the data cell above)',
    timing: 'Timing a few batches of this model on this machine…',
    timingFailed: (message: string) =>
      `The batches could not be timed here (${message}); training itself may still work.`,
    resumeFrom: (epoch: string) => `Resume from epoch ${epoch}`,
    discard: 'Discard it',
    checkpoint: (label: string, done: string, of: string) =>
      `A checkpoint is saved in this browser: ${label} after epoch ${done} of ${of}`,
    checkpointAccuracy: (accuracy: string) => `, validation accuracy ${accuracy}.`,
    end: '.',
    stopping: 'Stopping after this batch…',
    // The training run's lines (./training-run.ts).
    starting: 'Starting the training worker…',
    workerStatus: {
      building: 'Building the model…',
      checkpoint: 'Reading the checkpoint…',
      loading: 'Loading the trained model…',
    },
    progress: (p: {
      epoch: string;
      epochs: string;
      batch: string;
      batches: string;
      loss: string;
      accuracy: string;
      rate: string;
      epochLeft: string;
      left: string;
    }) =>
      `Epoch ${p.epoch} of ${p.epochs}, batch ${p.batch} of ${p.batches}: ` +
      `loss ${p.loss}, accuracy ${p.accuracy}. ` +
      `${p.rate} batches/s, ${p.epochLeft} left in this epoch, ` +
      `${p.left} in all (validation passes not counted).`,
    checkpointBlocked: 'The checkpoint could not be saved (browser storage is full or blocked).',
    checkpointFailed: (reason: string) => `The checkpoint could not be saved: ${reason}. Training goes on`,
    checkpointStillKept: (epoch: string) => `; the checkpoint of epoch ${epoch} is still kept.`,
    checkpointNone: ', without one.',
    keptEpoch: (epoch: string, accuracy: string | null) =>
      `, kept epoch ${epoch} (the best on validation${accuracy === null ? '' : `, ${accuracy}`})`,
    begin: (train: string, validation: string, batches: string) =>
      `Training on ${train} reviews, validating on ${validation}: ${batches} batches per epoch.`,
    paused: (line: string) => `Paused. ${line}`,
    notKept: (error: string) =>
      `, but the model could not be kept in this browser: ${error}. The model kept before (if any) stays`,
    stoppedAfter: (epochs: string) => `Stopped after ${epochs} complete epoch(s)`,
    trainedEpochs: (epochs: string) => `Trained ${epochs} epochs`,
    resumeAfterReload: (epoch: string) => `; the checkpoint of epoch ${epoch} lets you resume after a reload.`,
    stoppedSaved: (epochs: string) =>
      `Stopped after ${epochs} complete epoch(s). The model as it is now is saved in this browser; `,
    stoppedCheckpoint: 'the checkpoint lets you resume after a reload.',
    stoppedNoCheckpoint: 'no epoch was complete, so there is no checkpoint.',
    /** A sentiment worker's errors, by their code (src/workers/sentiment/worker.ts). */
    errors: {
      'no-checkpoint': 'the checkpoint is no longer kept in this browser: start afresh instead',
      'other-settings': 'the checkpoint was trained with other settings: start afresh instead',
      'no-model': 'no trained model is kept in this browser: train one in the section above',
      'other-data':
        'the trained model was made from other prepared data (its vocabulary differs), so its ids would mean other words here',
    },
    diverged: (loss: string, epoch: string, batch: string) =>
      `the loss became ${loss} at epoch ${epoch}, batch ${batch}: lower the learning rate`,
    trained: (epochs: number, shown: string, kept: string) =>
      `Trained ${shown} ${epochs === 1 ? 'epoch' : 'epochs'}${kept} and saved in this browser. ` +
      'The next section evaluates it on the test reviews.',
  },
  {
    home: '本页的影评',
    engine: '在 Web Worker 中运行的 tfjs',
    needsReviews: (resume) => `请先在上方的“本页的影评”中加载影评：${resume ? '继续训练' : '训练'}需要用到它们。`,
    train: '开始训练',
    pause: '暂停',
    resume: '继续',
    stop: '停止',
    progressLabel: '训练进度',
    presetNote: (model) => `这就是 ${model} 的设置。`,
    shorterNote: (model, epochs, full) => `${model} 的模型和训练设置，只训练 ${epochs} 轮（完整训练为 ${full} 轮）。`,
    customNote: (layout) => `自定义设置，使用 ${layout} 的索引方式：已改动参考模型的设置。`,
    loadFirst: '请先加载影评（见上方的数据单元）',
    timing: '正在这台机器上为这个模型计时几个批次…',
    timingFailed: (message) => `无法在这里为批次计时（${message}）；训练本身也许仍然可行。`,
    resumeFrom: (epoch) => `从第 ${epoch} 轮继续`,
    discard: '丢弃',
    checkpoint: (label, done, of) => `本浏览器中保存了一个检查点：${label}，已完成第 ${done} 轮（共 ${of} 轮）`,
    checkpointAccuracy: (accuracy) => `，验证准确率 ${accuracy}。`,
    end: '。',
    stopping: '当前批次结束后停止…',
    starting: '正在启动训练 worker…',
    workerStatus: {
      building: '正在构建模型…',
      checkpoint: '正在读取检查点…',
      loading: '正在加载训练好的模型…',
    },
    progress: (p) =>
      `第 ${p.epoch} / ${p.epochs} 轮，第 ${p.batch} / ${p.batches} 个批次：` +
      `损失 ${p.loss}，准确率 ${p.accuracy}。` +
      `每秒 ${p.rate} 个批次，本轮还剩 ${p.epochLeft}，` +
      `全部还剩 ${p.left}（不含验证时间）。`,
    checkpointBlocked: '检查点无法保存（浏览器存储已满或被禁用）。',
    checkpointFailed: (reason) => `检查点无法保存：${reason}。训练继续`,
    checkpointStillKept: (epoch) => `；第 ${epoch} 轮的检查点仍然保留。`,
    checkpointNone: '，但没有检查点。',
    keptEpoch: (epoch, accuracy) => `，保留第 ${epoch} 轮（验证集上最好${accuracy === null ? '' : `，${accuracy}`}）`,
    begin: (train, validation, batches) =>
      `在 ${train} 条影评上训练，在 ${validation} 条上验证：每轮 ${batches} 个批次。`,
    paused: (line) => `已暂停。${line}`,
    notKept: (error) => `，但模型无法保存在本浏览器中：${error}。之前保存的模型（如有）保持不变`,
    stoppedAfter: (epochs) => `完成 ${epochs} 轮后停止`,
    trainedEpochs: (epochs) => `已训练 ${epochs} 轮`,
    resumeAfterReload: (epoch) => `；重新加载页面后可从第 ${epoch} 轮的检查点继续。`,
    stoppedSaved: (epochs) => `完成 ${epochs} 轮后停止。模型的当前状态已保存在本浏览器中；`,
    stoppedCheckpoint: '重新加载页面后可以从检查点继续。',
    stoppedNoCheckpoint: '没有完成任何一轮，所以没有检查点。',
    errors: {
      'no-checkpoint': '本浏览器中已不再保存这个检查点：请从头开始训练',
      'other-settings': '这个检查点是用另一组设置训练的：请从头开始训练',
      'no-model': '本浏览器中没有保存训练好的模型：请在上一节训练一个',
      'other-data': '训练好的模型来自另一份预处理数据（词汇表不同），它的 id 在这里会对应别的词',
    },
    diverged: (loss, epoch, batch) => `在第 ${epoch} 轮第 ${batch} 个批次，损失变成了 ${loss}：请调低学习率`,
    trained: (_epochs, shown, kept) => `已训练 ${shown} 轮${kept}，并保存在本浏览器中。下一节会在测试集影评上评估它。`,
  },
);
