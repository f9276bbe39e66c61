/** The words of <kit-lstm-vanishing> (./lstm-vanishing.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const LSTM_VANISHING_WORDS = words(
  {
    length: 'Sequence length T',
    scale: 'RNN: size of W_h',
    bias: 'LSTM: forget-gate bias b_f',
    /** The three curves, in the order RNN h, LSTM C, LSTM h. */
    series: ['vanilla RNN: ‖∂L/∂hₜ‖', 'LSTM: ‖∂L/∂Cₜ‖ (cell state)', 'LSTM: ‖∂L/∂hₜ‖'],
    plotLabel: 'Gradient norm reaching each step, RNN against LSTM',
    plotDescription: (length: number, rnn: string, lstm: string) =>
      `T = ${length}: at t = 0 the RNN's gradient is ${rnn}, the LSTM's cell-state gradient ${lstm}.`,
    readout: (p: { length: number; rnn: string; cell: string; hidden: string; forget: string; power: string }) =>
      `Gradient reaching t = 0 from the loss at T = ${p.length}: ` +
      `RNN ${p.rnn}, LSTM cell state ${p.cell}, LSTM hidden state ${p.hidden}. ` +
      `The LSTM's forget gates average ${p.forget}; ${p.forget}^${p.length} = ${p.power}.`,
  },
  {
    length: '序列长度 T',
    scale: 'RNN：W_h 的大小',
    bias: 'LSTM：遗忘门偏置 b_f',
    series: ['普通 RNN：‖∂L/∂hₜ‖', 'LSTM：‖∂L/∂Cₜ‖（细胞状态）', 'LSTM：‖∂L/∂hₜ‖（隐状态）'],
    plotLabel: '传到每个时间步的梯度范数：RNN 与 LSTM 对比',
    plotDescription: (length, rnn, lstm) =>
      `T = ${length}：在 t = 0 处，RNN 的梯度为 ${rnn}，LSTM 细胞状态的梯度为 ${lstm}。`,
    readout: (p) =>
      `从 T = ${p.length} 处的损失传回 t = 0 的梯度：` +
      `RNN 为 ${p.rnn}，LSTM 细胞状态为 ${p.cell}，LSTM 隐状态为 ${p.hidden}。` +
      `LSTM 遗忘门的平均值为 ${p.forget}；${p.forget}^${p.length} = ${p.power}。`,
  },
);
