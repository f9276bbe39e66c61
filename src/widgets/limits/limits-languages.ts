/**
 * <kit-limits-languages>: several languages. The same two short reviews in English, French,
 * German, Spanish and Chinese, and the reader's own text: every word with the id the trained model gets
 * for it (out-of-vocabulary words marked), the out-of-vocabulary rate, and the model's
 * prediction.
 */
import { oovReport, type OovReport } from '../../data/oov';
import { encodeText } from '../../data/views';
import type { LoadedKitModel } from '../../lstm/sentiment/model-files';
import { settingsView } from '../../lstm/sentiment/presets';
import { dataTable, el } from '../kit/dom';
import { fmt, fmtInt } from '../kit/format';
import { defineWidget, KitWidget } from '../kit/widget';
import { modelPanel, unpaddedView, vocabularyOf, watchLoadedModel } from './limits-model';
import './limits-shared.css';
import { percent as pct } from '../../data/format';
import { LIMITS_LANGUAGES_WORDS, type ExampleLanguage } from './limits-languages.words';

/**
 * Short reviews written for this chapter: one positive and one negative, in five languages. The
 * model reads English only; the Chinese pair shows the worst case, a language written without
 * spaces, where every "word" the tokenizer finds is a whole clause out of the vocabulary.
 */
export const EXAMPLES = [
  {
    key: 'en-pos',
    language: 'en',
    sentiment: 'positive',
    text: 'A wonderful film with brilliant actors. The story moved me and I would gladly watch it again.',
  },
  {
    key: 'en-neg',
    language: 'en',
    sentiment: 'negative',
    text: 'A boring film with terrible actors. The story was stupid and I will never watch it again.',
  },
  {
    key: 'fr-pos',
    language: 'fr',
    sentiment: 'positive',
    text: "Un film magnifique avec des acteurs brillants. L'histoire m'a ému et je le reverrais volontiers.",
  },
  {
    key: 'fr-neg',
    language: 'fr',
    sentiment: 'negative',
    text: "Un film ennuyeux avec des acteurs épouvantables. L'histoire était stupide et je ne le reverrai jamais.",
  },
  {
    key: 'de-pos',
    language: 'de',
    sentiment: 'positive',
    text: 'Ein wunderbarer Film mit großartigen Schauspielern. Die Geschichte hat mich berührt und ich würde ihn gern wieder sehen.',
  },
  {
    key: 'de-neg',
    language: 'de',
    sentiment: 'negative',
    text: 'Ein langweiliger Film mit schrecklichen Schauspielern. Die Geschichte war dumm und ich werde ihn nie wieder sehen.',
  },
  {
    key: 'es-pos',
    language: 'es',
    sentiment: 'positive',
    text: 'Una película maravillosa con actores brillantes. La historia me conmovió y la volvería a ver con gusto.',
  },
  {
    key: 'es-neg',
    language: 'es',
    sentiment: 'negative',
    text: 'Una película aburrida con actores terribles. La historia era estúpida y nunca la volveré a ver.',
  },
  {
    key: 'zh-pos',
    language: 'zh',
    sentiment: 'positive',
    text: '一部精彩的电影，演员都很出色。故事打动了我，我很乐意再看一遍。',
  },
  {
    key: 'zh-neg',
    language: 'zh',
    sentiment: 'negative',
    text: '一部无聊的电影，演员糟糕透顶。故事很愚蠢，我再也不会看了。',
  },
] as const satisfies readonly {
  key: string;
  language: ExampleLanguage;
  sentiment: 'positive' | 'negative';
  text: string;
}[];

/** An example's name in the page's edition: "English, positive". */
function exampleName(x: (typeof EXAMPLES)[number]): string {
  const w = LIMITS_LANGUAGES_WORDS.now();
  return w.example(w.language[x.language], w[x.sentiment]);
}

const schema = {
  text: { kind: 'string', default: EXAMPLES[0].text, maxLength: 2000 },
} as const;

// Enough words to see what happened; a pasted essay would only slow the page.
const MAX_CHIPS = 300;

class LimitsLanguagesWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = 'tfjs';
  private model: LoadedKitModel | null = null;
  private examples: { for: LoadedKitModel; reports: OovReport[]; p: Float32Array } | null = null;
  private generation = 0;
  private main!: HTMLElement;
  private exampleSelect!: HTMLSelectElement;
  private textarea!: HTMLTextAreaElement;
  private words!: HTMLElement;
  private rate!: HTMLElement;
  private table!: HTMLElement;

  protected build(): void {
    const w = LIMITS_LANGUAGES_WORDS.now();
    const panel = modelPanel((message) => this.showError(message));
    this.exampleSelect = el(
      'select',
      { name: 'example' },
      ...EXAMPLES.map((x) => el('option', { value: x.key }, exampleName(x))),
      el('option', { value: 'own' }, w.ownText),
    );
    this.exampleSelect.addEventListener('change', (e) => {
      const example = EXAMPLES.find((x) => x.key === this.exampleSelect.value);
      if (example) this.set({ text: example.text }, e);
    });
    this.textarea = el('textarea', { name: 'text', rows: 3, maxlength: 2000, spellcheck: false });
    this.textarea.value = this.state.text;
    this.textarea.addEventListener('input', (e) => this.set({ text: this.textarea.value }, e));
    this.words = el('div', { className: 'tokens', 'data-role': 'words' });
    this.rate = el('p', { className: 'limits-summary', 'data-role': 'rate', 'aria-live': 'polite' });
    // The table scrolls sideways on a phone, so it takes the focus (and a name) for the keyboard.
    this.table = el('div', {
      className: 'readout',
      'data-role': 'examples',
      tabindex: 0,
      role: 'region',
      'aria-label': w.tableRegion,
    });
    this.main = el(
      'div',
      {},
      el('p', { className: 'note', 'data-role': 'english-only' }, w.englishOnly),
      el(
        'div',
        { className: 'controls' },
        el('label', {}, w.exampleLabel, this.exampleSelect),
        el('label', { className: 'wide' }, w.reviewLabel, this.textarea),
      ),
      this.rate,
      this.words,
      this.table,
    );
    this.append(panel.root, this.main);
    this.listen(() => panel.dispose());
    this.listen(
      watchLoadedModel((model) => {
        this.model = model;
        this.examples = null;
        this.update();
      }),
    );
  }

  protected update(): void {
    const text = this.state.text;
    if (this.textarea.value !== text) this.textarea.value = text;
    this.exampleSelect.value = EXAMPLES.find((x) => x.text === text)?.key ?? 'own';
    this.main.hidden = this.model === null;
    const loaded = this.model;
    if (!loaded) return;
    const report = oovReport(text, vocabularyOf(loaded).index, unpaddedView(loaded));
    this.drawWords(report);
    const generation = ++this.generation;
    this.predict(loaded, text)
      .then((p) => {
        if (generation !== this.generation || loaded !== this.model) return;
        this.drawRate(report, p);
        this.drawTable(report, p);
      })
      .catch((error: Error) => this.showError(LIMITS_LANGUAGES_WORDS.now().predictionFailed(error.message)));
  }

  /** P(positive) of the examples (once per model) and of `text`. */
  private async predict(loaded: LoadedKitModel, text: string): Promise<number> {
    const { loadTf } = await import('../kit/tf');
    const { tf, backend } = await loadTf();
    this.showBackend(backend.label, backend.reason);
    const vocabulary = vocabularyOf(loaded);
    const view = settingsView(loaded.metadata.settings);
    const maxlen = view.maxlen!;
    const texts = this.examples?.for === loaded ? [text] : [...EXAMPLES.map((x) => x.text), text];
    const rows = new Int32Array(texts.length * maxlen);
    texts.forEach((t, k) => rows.set(encodeText(t, vocabulary, view), k * maxlen));
    const x = tf.tensor2d(rows, [texts.length, maxlen], 'int32');
    const y = tf.tidy(() => loaded.model.predict(x) as import('@tensorflow/tfjs').Tensor);
    const p = (await y.data()) as Float32Array;
    tf.dispose([x, y]);
    if (this.examples?.for !== loaded) {
      const index = vocabulary.index;
      this.examples = {
        for: loaded,
        reports: EXAMPLES.map((ex) => oovReport(ex.text, index, unpaddedView(loaded))),
        p: p.slice(0, EXAMPLES.length),
      };
    }
    return p[texts.length - 1]!;
  }

  private drawWords(report: OovReport): void {
    const w = LIMITS_LANGUAGES_WORDS.now();
    const shown = report.words.slice(0, MAX_CHIPS);
    this.words.replaceChildren(
      ...shown.map((s) =>
        el(
          'span',
          {
            className: s.oov ? 'token oov' : 'token',
            title: s.oov === 'unknown' ? w.unknownTitle : s.oov === 'rare' ? w.rareTitle : w.idTitle(String(s.id)),
          },
          s.word,
          el('small', {}, s.oov ? 'OOV' : String(s.id)),
        ),
      ),
      ...(report.words.length > MAX_CHIPS
        ? [el('span', { className: 'note' }, w.moreWords(fmtInt(report.words.length - MAX_CHIPS)))]
        : []),
    );
  }

  private drawRate(report: OovReport, p: number): void {
    const w = LIMITS_LANGUAGES_WORDS.now();
    if (report.count === 0) {
      this.rate.textContent = w.noWords;
      return;
    }
    this.rate.textContent = w.rate({
      count: fmtInt(report.count),
      one: report.count === 1,
      oov: fmtInt(report.oov),
      lost: this.model!.metadata.settings.layout === 'imdb' ? w.lostImdb : w.lostTokenizer,
      rate: pct(report.rate),
      p: fmt(p, 3),
      positive: p >= 0.5,
    });
  }

  private drawTable(own: OovReport, p: number): void {
    const examples = this.examples;
    if (!examples) return;
    const row = (key: string, name: string, r: OovReport, q: number) => ({
      cells: [{ head: name }, fmtInt(r.count), fmtInt(r.oov), pct(r.rate), fmt(q, 3)],
      attrs: { 'data-example': key },
    });
    const w = LIMITS_LANGUAGES_WORDS.now();
    const isExample = EXAMPLES.some((x) => x.text === this.state.text);
    this.table.replaceChildren(
      dataTable({
        caption: w.caption,
        head: [...w.head],
        rows: [
          ...EXAMPLES.map((x, k) => row(x.key, exampleName(x), examples.reports[k]!, examples.p[k]!)),
          ...(isExample ? [] : [row('own', w.yourText, own, p)]),
        ],
      }),
    );
  }
}

defineWidget('kit-limits-languages', LimitsLanguagesWidget);
