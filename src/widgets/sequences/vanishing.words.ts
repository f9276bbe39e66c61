/** The words of <kit-vanishing> (./vanishing.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const VANISHING_WORDS = words(
  {
    scale: 'Size of W_h (its largest singular value)',
    length: 'Sequence length T',
    check: 'Check with tfjs autodiff',
    measured: '‖∂h_T/∂h_t‖ (measured)',
    bound: '‖W_h‖^(T−t) (bound)',
    plotLabel: 'Gradient norm against step',
    plotDescription: (scale: string, length: number, norm: string) =>
      `With ‖W_h‖ = ${scale} and T = ${length}: ‖∂h_T/∂h_0‖ = ${norm}.`,
    readout: (p: {
      last: number;
      lastNorm: string;
      half: number;
      halfNorm: string;
      length: number;
      firstNorm: string;
    }) =>
      `‖∂h_T/∂h_${p.last}‖ = ${p.lastNorm} (one step back), ` +
      `‖∂h_T/∂h_${p.half}‖ = ${p.halfNorm}, ` +
      `‖∂h_T/∂h_0‖ = ${p.firstNorm} (${p.length} steps back).`,
    loading: 'Loading tfjs…',
    checked: (agrees: boolean, count: number, error: string) =>
      `${agrees ? '✓ agrees' : '✗ differs'}: tf.grads gives the same ${count} gradients to a relative ${error} (float32).`,
    failed: (message: string) => `The tfjs check failed: ${message}`,
  },
  {
    scale: 'W_h 的大小（最大奇异值）',
    length: '序列长度 T',
    check: '用 TensorFlow.js 自动微分核对',
    measured: '‖∂h_T/∂h_t‖（实测）',
    bound: '‖W_h‖^(T−t)（上界）',
    plotLabel: '梯度范数随时间步的变化',
    plotDescription: (scale, length, norm) => `‖W_h‖ = ${scale}，T = ${length} 时：‖∂h_T/∂h_0‖ = ${norm}。`,
    readout: (p) =>
      `‖∂h_T/∂h_${p.last}‖ = ${p.lastNorm}（回退一个时间步），` +
      `‖∂h_T/∂h_${p.half}‖ = ${p.halfNorm}，` +
      `‖∂h_T/∂h_0‖ = ${p.firstNorm}（回退 ${p.length} 个时间步）。`,
    loading: '正在加载 TensorFlow.js…',
    checked: (agrees, count, error) =>
      `${agrees ? '✓ 一致' : '✗ 不一致'}：tf.grads 算出的 ${count} 个梯度与手推结果的相对误差为 ${error}（float32）。`,
    failed: (message) => `TensorFlow.js 核对失败：${message}`,
  },
);
