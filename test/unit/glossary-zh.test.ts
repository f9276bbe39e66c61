/**
 * The Chinese edition of the glossary and the sources: every entry has its Chinese text, written
 * in Chinese, with the same formulas and code as the English, and the glossary's terms are the
 * ones the Chinese chapters use (the fixed term pairs).
 */
import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryText, segments } from '../../src/glossary';
import { REFERENCES, referenceText } from '../../src/references';

const HAN = /[\u3400-\u9fff]/;

/**
 * Whether text reads as Chinese: it has Chinese characters, and they outnumber a third of the
 * Latin letters once formulas, code and quoted English (data, names) are left out.
 */
function isChinese(text: string): boolean {
  const prose = segments(text)
    .filter((s) => s.kind === 'text')
    .map((s) => s.value)
    .join(' ')
    .replace(/“[^”]*”/g, ' ');
  const han = (prose.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (prose.match(/[A-Za-z]/g) ?? []).length;
  return han > 0 && han >= latin / 3;
}

/** The `$...$` and `` `...` `` pieces of a text, sorted: the same in both editions. */
function pieces(text: string): string[] {
  return segments(text)
    .filter((s) => s.kind !== 'text')
    .map((s) => `${s.kind}:${s.value}`)
    .sort();
}

/** The fixed term pairs of the Chinese edition, for the glossary's terms that have one. */
const FIXED: Record<string, string> = {
  'recurrent-network': '循环神经网络',
  'forget-gate': '遗忘门',
  'input-gate': '输入门',
  'output-gate': '输出门',
  'cell-state': '细胞状态',
  candidate: '候选记忆',
  'hidden-state': '隐状态',
  'one-hot': '独热',
  embedding: '嵌入',
  'cosine-similarity': '余弦相似度',
  'vanishing-gradient': '梯度消失',
  padding: '填充',
  truncation: '截断',
  overfitting: '过拟合',
  vocabulary: '词汇表',
  tokenizer: '分词器',
  sigmoid: 'sigmoid 函数',
  tanh: 'tanh 函数',
  gate: '门',
  'backpropagation-through-time': '随时间反向传播',
  epoch: '轮',
  batch: '批',
  loss: '损失',
  accuracy: '准确率',
  dropout: 'dropout',
  optimizer: '优化器',
  oov: '词汇表外',
  validation: '验证',
  'skip-gram': 'skip-gram',
};

describe('the glossary in Chinese', () => {
  it('gives every term a Chinese heading and definition, written in Chinese', () => {
    for (const e of GLOSSARY) {
      expect(e.zh.term.trim(), e.slug).not.toBe('');
      expect(e.zh.term, e.slug).not.toBe(e.term);
      expect(isChinese(e.zh.definition), `${e.slug}: ${e.zh.definition}`).toBe(true);
      // Full-width punctuation in Chinese sentences: a Chinese definition ends with 。
      expect(e.zh.definition.trim(), e.slug).toMatch(/。$/);
    }
  });

  it('keeps the English definition’s formulas and code, piece for piece', () => {
    for (const e of GLOSSARY) expect(pieces(e.zh.definition), e.slug).toEqual(pieces(e.definition));
    for (const e of GLOSSARY) expect(pieces(e.zh.term), e.slug).toEqual(pieces(e.term));
  });

  it('uses the fixed term pairs', () => {
    for (const [slug, zh] of Object.entries(FIXED)) {
      const e = GLOSSARY.find((x) => x.slug === slug);
      expect(e, slug).toBeDefined();
      expect(e!.zh.term, slug).toContain(zh);
    }
    // The gates are named as the chapters name them, inside the definitions too.
    const gate = GLOSSARY.find((x) => x.slug === 'gate')!;
    for (const name of ['遗忘门', '输入门', '输出门']) expect(gate.zh.definition).toContain(name);
    expect(GLOSSARY.find((x) => x.slug === 'cell-state')!.zh.definition).toContain('传送带');
  });

  it('picks the edition’s text', () => {
    const e = GLOSSARY.find((x) => x.slug === 'forget-gate')!;
    expect(glossaryText(e, 'en')).toEqual({ term: 'Forget gate', definition: e.definition });
    expect(glossaryText(e, 'zh')).toEqual({ term: '遗忘门', definition: e.zh.definition });
  });
});

describe('the sources in Chinese', () => {
  it('gives every source a Chinese label and what the kit takes from it, in Chinese', () => {
    for (const r of REFERENCES) {
      expect(r.zh.label.trim(), r.id).not.toBe('');
      expect(r.zh.label, r.id).not.toBe(r.label);
      expect(isChinese(r.zh.takes), `${r.id}: ${r.zh.takes}`).toBe(true);
      expect(pieces(r.zh.takes), r.id).toEqual(pieces(r.takes));
    }
  });

  it('describes in Chinese exactly the sources the English describes, with the same code', () => {
    for (const r of REFERENCES) {
      expect(r.zh.description === undefined, r.id).toBe(r.description === undefined);
      if (r.description && r.zh.description) {
        expect(isChinese(r.zh.description), r.id).toBe(true);
        expect(pieces(r.zh.description), r.id).toEqual(pieces(r.description));
      }
    }
    for (const id of ['source-python', 'source-r'])
      expect(REFERENCES.find((r) => r.id === id)!.zh.description).toMatch(/中文博客/);
  });

  it('keeps titles, years and addresses as printed, and words every link it translates', () => {
    for (const r of REFERENCES) {
      const zh = referenceText(r, 'zh');
      expect(zh.title, r.id).toBe(r.title);
      expect(zh.year, r.id).toBe(r.year);
      expect(
        zh.links?.map((l) => l.href),
        r.id,
      ).toEqual(r.links?.map((l) => l.href));
      if (r.zh.links) expect(r.zh.links.length, r.id).toBe(r.links?.length);
      for (const field of [r.zh.venue, r.zh.authors]) if (field !== undefined) expect(field, r.id).toMatch(HAN);
      expect(referenceText(r, 'en')).toMatchObject({ label: r.label, takes: r.takes, links: r.links });
    }
    const maas = referenceText(
      REFERENCES.find((r) => r.id === 'maas-2011')!,
      'zh',
    );
    expect(maas.links?.[1]).toEqual({ href: 'https://ai.stanford.edu/~amaas/data/sentiment/', text: '数据集主页' });
  });
});
