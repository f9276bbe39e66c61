/**
 * The status lines of chapter 3's memory-task runs (./run.ts), in each edition. Numbers come in
 * as they are (N, steps): small whole numbers that read the same in both editions.
 */
import { words } from '../../i18n/words';

export const MEMORY_RUN_WORDS = words(
  {
    notTrained: 'Not trained yet.',
    starting: (n: number) => `Starting: N = ${n}…`,
    stopping: 'Stopping…',
    failed: 'Training failed.',
    /** `index` (1-based) of `count` values of N; `count` 1 for a single N. */
    training: (n: number, index: number, count: number, step: number, steps: number) =>
      `Training at N = ${n}${count > 1 ? ` (${index} of ${count})` : ''}: step ${step} of ${steps}.`,
    stopped: 'Stopped.',
    stoppedAt: (step: number, n: number) => `Stopped at step ${step} of N = ${n}.`,
    doneOne: (n: number) => `Done: N = ${n}.`,
    doneMany: (count: number) => `Done: ${count} values of N.`,
    workerFailed: 'The training worker failed.',
  },
  {
    notTrained: '尚未训练。',
    starting: (n) => `正在启动：N = ${n}…`,
    stopping: '正在停止…',
    failed: '训练失败。',
    training: (n, index, count, step, steps) =>
      `正在训练 N = ${n}${count > 1 ? `（第 ${index} 个，共 ${count} 个）` : ''}：第 ${step} / ${steps} 步。`,
    stopped: '已停止。',
    stoppedAt: (step, n) => `已停止：N = ${n}，停在第 ${step} 步。`,
    doneOne: (n) => `完成：N = ${n}。`,
    doneMany: (count) => `完成：共 ${count} 个 N 值。`,
    workerFailed: '训练用的后台线程（Web Worker）出错了。',
  },
);
