/**
 * The Chinese edition of the LSTM chapters' text that pure code builds: chapter 2's cell presets
 * (src/lstm/cell/cell-presets.ts) and the status lines of chapter 3's memory-task runs
 * (src/lstm/memory/run.ts). English stays the default, so the other tests read it unchanged.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialMemoryLstm } from '../../src/lstm/memory/experiment';
import { CELL_PRESETS, presetText } from '../../src/lstm/cell/cell-presets';
import { lstmSnapshot, MemoryRuns, type MemoryRunResult } from '../../src/lstm/memory/run';
import { MEMORY_RUN_WORDS } from '../../src/lstm/memory/run.words';
import { MEMORY_TASK_WORDS } from '../../src/widgets/lstm-over-time/memory-task.words';

const CHINESE = /[\u3400-\u9fff]/;
const SETTINGS = { steps: 100, seed: 1, forgetBias: 3 };

function result(distractors: number, steps = 100): MemoryRunResult {
  return {
    distractors,
    steps,
    ended: 'stopped',
    seconds: 1.5,
    rnn: { accuracy: 0.5, loss: 0.7 },
    lstm: { accuracy: 0.9, loss: 0.1 },
    initial: { rnn: 0.5, lstm: 0.5 },
    lstmModel: lstmSnapshot(initialMemoryLstm({ distractors, steps })),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('chapter 2 presets in each edition', () => {
  it('are English by default, as the preset objects say', () => {
    for (const p of CELL_PRESETS) expect(presetText(p)).toEqual({ label: p.label, description: p.description });
  });

  it('are Chinese in the Chinese edition, each its own', () => {
    const zh = CELL_PRESETS.map((p) => presetText(p, 'zh'));
    for (const t of zh) {
      expect(t.label).toMatch(CHINESE);
      expect(t.description).toMatch(CHINESE);
    }
    expect(new Set(zh.map((t) => t.label)).size).toBe(CELL_PRESETS.length);
    // The symbols of the formulas stay as they are.
    expect(
      presetText(
        CELL_PRESETS.find((p) => p.id === 'keep')!,
        'zh',
      ).description,
    ).toContain('Cₜ₋₁');
  });
});

describe('memory-task status lines in each edition', () => {
  it('follow a sweep in Chinese with the Chinese words', () => {
    const runs = new MemoryRuns(MEMORY_RUN_WORDS.zh);
    expect(runs.status).toBe('尚未训练。');
    const request = runs.start([5, 10], SETTINGS)!;
    expect(runs.status).toBe('正在启动：N = 5…');
    runs.receive({
      type: 'progress',
      id: request.id,
      distractors: 10,
      step: 40,
      loss: { step: 40, rnn: 0.69, lstm: 0.5 },
      accuracy: [],
    });
    expect(runs.status).toBe('正在训练 N = 10（第 1 个，共 2 个）：第 40 / 100 步。');
    runs.stop();
    expect(runs.status).toBe('正在停止…');
    runs.receive({ type: 'result', id: request.id, ...result(10, 41) });
    runs.receive({ type: 'done', id: request.id, stopped: true });
    expect(runs.status).toBe('已停止：N = 10，停在第 41 步。');
    const again = runs.start([5, 10, 20], SETTINGS)!;
    runs.receive({ type: 'done', id: again.id, stopped: false });
    expect(runs.status).toBe('完成：共 3 个 N 值。');
    runs.start([5], SETTINGS);
    runs.fail();
    expect(runs.status).toMatch(CHINESE);
    runs.reset();
    expect(runs.status).toBe('尚未训练。');
  });

  it('stay English without words given', () => {
    expect(new MemoryRuns().status).toBe('Not trained yet.');
  });
});

describe('the widget words follow the page', () => {
  it('give the Chinese words on a Chinese page and the English ones elsewhere', () => {
    expect(MEMORY_TASK_WORDS.now()).toBe(MEMORY_TASK_WORDS.en);
    vi.stubGlobal('document', { documentElement: { lang: 'zh-Hans' } });
    expect(MEMORY_TASK_WORDS.now()).toBe(MEMORY_TASK_WORDS.zh);
    expect(MEMORY_TASK_WORDS.now().train(40)).toBe('在 N = 40 上训练两个模型');
    expect(MEMORY_TASK_WORDS.now().workerFailed('the training worker failed: it could not start')).toBe(
      '训练用的后台线程（Web Worker）出错了：it could not start',
    );
  });
});
