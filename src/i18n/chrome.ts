/**
 * The words of the page chrome in each edition: header, footer, the chapter page's frame, the
 * cell around every widget and the "Under the hood" asides. The widgets' own words live in
 * their catalogues; these are the ones Astro renders. Both editions have every key (the type
 * says so, and test/unit/i18n.test.ts checks that none is empty).
 */
import type { Locale } from './locales';

const en = {
  siteName: 'LSTM & embeddings kit',
  skipLink: 'Skip to content',
  referencePagesLabel: 'Reference pages',
  glossary: 'Glossary',
  sources: 'Sources',
  exercises: 'Exercises',
  contents: 'Contents',
  kitNavLabel: 'The kit',
  footer: 'Every widget computes in your browser; nothing you type leaves this page.',
  languageLabel: 'Language',
  /** "Chapter 3" above a chapter's title. */
  chapter: (n: number) => `Chapter ${n}`,
  inThisChapter: 'In this chapter',
  sections: (n: number) => `In this chapter (${n} sections)`,
  chaptersNavLabel: 'Chapters',
  runsInYourBrowser: 'Runs in your browser',
  reset: 'Reset',
  linkToState: 'Link to this state',
  underTheHood: 'Under the hood:',
  titleSuffix: 'LSTM & embeddings kit',
  /** The theme switch: its label is `prefix` + the theme's name; its tooltip adds `hint`. */
  theme: {
    prefix: 'Colour theme: ',
    hint: ' (click to change)',
    system: 'system',
    light: 'light',
    dark: 'dark',
  },
};

/** The chrome's words, as English has them. */
export type ChromeWords = typeof en;

const zh: ChromeWords = {
  siteName: 'LSTM 与词嵌入互动教程',
  skipLink: '跳到正文',
  referencePagesLabel: '参考页面',
  glossary: '术语表',
  sources: '参考资料',
  exercises: '练习',
  contents: '目录',
  kitNavLabel: '本教程',
  footer: '每个互动组件都在你的浏览器里计算；你输入的内容不会离开本页。',
  languageLabel: '语言',
  chapter: (n) => `第 ${n} 章`,
  inThisChapter: '本章内容',
  sections: (n) => `本章内容（${n} 节）`,
  chaptersNavLabel: '章节',
  runsInYourBrowser: '在你的浏览器中运行',
  reset: '重置',
  linkToState: '链接到当前状态',
  underTheHood: '深入细节：',
  titleSuffix: 'LSTM 与词嵌入互动教程',
  theme: {
    prefix: '配色：',
    hint: '（点击切换）',
    system: '跟随系统',
    light: '浅色',
    dark: '深色',
  },
};

/** The chrome's words in each edition. */
export const CHROME: Readonly<Record<Locale, ChromeWords>> = { en, zh };
