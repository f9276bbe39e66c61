/** The names and descriptions of chapter 2's cell presets (./cell-presets.ts), in each edition. */
import { words } from '../../i18n/words';

interface PresetText {
  /** The button's text. */
  label: string;
  /** One sentence on what to look at, shown after clicking. */
  description: string;
}

type PresetId = 'forget' | 'keep' | 'write' | 'read' | 'saturated';

export const CELL_PRESET_WORDS = words<Record<PresetId, PresetText>>(
  {
    forget: {
      label: 'Forget everything',
      description:
        'The forget gate is shut, so the old memory Cₜ₋₁ is multiplied by almost zero; the input gate is shut too, so nothing new is written and the belt leaves the cell empty.',
    },
    keep: {
      label: 'Keep the memory forever',
      description:
        'The forget gate is open and the input gate shut: Cₜ equals Cₜ₋₁, step after step. The output gate is shut as well, so the memory is kept without being shown in hₜ.',
    },
    write: {
      label: 'Write a new memory',
      description:
        'The forget gate drops the old memory and the input gate lets the candidate through: the new Cₜ is the candidate C̃ₜ, which x₁ drives close to +1 while the old memory was negative.',
    },
    read: {
      label: 'Read the memory out',
      description:
        'The memory is kept (forget open, input shut) and the output gate is open: hₜ is tanh(Cₜ), the stored value squashed into (−1, 1).',
    },
    saturated: {
      label: 'A saturated gate',
      description:
        'A large weight on x₁ pushes the forget gate far up its sigmoid, where the curve is flat: moving its weights barely changes fₜ, and the gradient that training would use to change them, σ′(z), is almost zero.',
    },
  },
  {
    forget: {
      label: '全部遗忘',
      description:
        '遗忘门关闭，旧记忆 Cₜ₋₁ 被乘以几乎为零的数；输入门也关闭，没有写入任何新内容，于是传送带离开单元时是空的。',
    },
    keep: {
      label: '永久保留记忆',
      description:
        '遗忘门打开，输入门关闭：每个时间步 Cₜ 都等于 Cₜ₋₁。输出门同样关闭，所以记忆被保留下来，却不会出现在 hₜ 中。',
    },
    write: {
      label: '写入新记忆',
      description:
        '遗忘门丢掉旧记忆，输入门让候选记忆通过：新的 Cₜ 就是候选记忆 C̃ₜ。x₁ 把它推到接近 +1，而旧记忆原本是负的。',
    },
    read: {
      label: '读出记忆',
      description:
        '记忆被保留（遗忘门打开，输入门关闭），输出门打开：hₜ 等于 tanh(Cₜ)，也就是把存下的值压缩到 (−1, 1) 之间。',
    },
    saturated: {
      label: '饱和的门',
      description:
        'x₁ 上的大权重把遗忘门推到 sigmoid 曲线的高处，那里曲线几乎是平的：调整它的权重几乎改变不了 fₜ，训练时用来调整这些权重的梯度 σ′(z) 也几乎为零。',
    },
  },
);
