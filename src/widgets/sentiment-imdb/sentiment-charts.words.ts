/** The words of chapter 5's training curves and epoch table (./sentiment-charts.ts), in each edition. */
import { words } from '../../i18n/words';

export const SENTIMENT_CHARTS_WORDS = words(
  {
    loss: 'loss',
    accuracy: 'accuracy',
    training: 'training',
    validation: 'validation',
    dataLabel: 'data',
    metricLabel: 'metric',
    epochAxis: 'epoch →',
    perBatch: '↑ per batch',
    perEpoch: '↑ per epoch',
    batchLabel: 'Loss and accuracy of every training batch',
    batchDescription: (batches: string, loss: string, accuracy: string, mean: string) =>
      `${batches} batches so far; the latest batch had loss ${loss} ` +
      `and accuracy ${accuracy}; the epoch's running mean loss is ${mean}.`,
    epochLabel: 'Loss and accuracy per epoch, training and validation',
    epochDescription: (epoch: string, loss: string, accuracy: string) =>
      `After epoch ${epoch}: training loss ${loss}, accuracy ${accuracy}`,
    epochValidation: (loss: string, accuracy: string) => `; validation loss ${loss}, accuracy ${accuracy}.`,
    end: '.',
    tableCaption: 'Per epoch (dashed lines: loss; solid: accuracy)',
    tableHead: ['epoch', 'loss', 'accuracy', 'val. loss', 'val. accuracy', 'seconds'],
  },
  {
    loss: '损失',
    accuracy: '准确率',
    training: '训练集',
    validation: '验证集',
    dataLabel: '数据',
    metricLabel: '指标',
    epochAxis: '轮次 →',
    perBatch: '↑ 每个批次',
    perEpoch: '↑ 每轮',
    batchLabel: '每个训练批次的损失和准确率',
    batchDescription: (batches, loss, accuracy, mean) =>
      `目前已训练 ${batches} 个批次；最近一个批次的损失为 ${loss}，准确率为 ${accuracy}；本轮的平均损失为 ${mean}。`,
    epochLabel: '每轮的损失和准确率（训练集与验证集）',
    epochDescription: (epoch, loss, accuracy) => `第 ${epoch} 轮之后：训练损失 ${loss}，准确率 ${accuracy}`,
    epochValidation: (loss, accuracy) => `；验证损失 ${loss}，准确率 ${accuracy}。`,
    end: '。',
    tableCaption: '每轮的结果（虚线：损失；实线：准确率）',
    tableHead: ['轮次', '损失', '准确率', '验证损失', '验证准确率', '秒'],
  },
);
