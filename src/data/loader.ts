/**
 * Getting the IMDB dataset into a page, as a small state machine that the chapters' widgets
 * share: from the browser's own storage, from the prepared files the site serves, or from an
 * archive the reader chooses, prepared off the main thread. It touches no DOM; where the files
 * come from, where they are kept and how an archive is prepared are passed in, so that the
 * same machine runs in unit tests with sources in memory.
 */
import { DataError, errorMessage, isDataError, storageErrorMessage } from './errors.ts';
import { sentence } from './format.ts';
import type { Locale } from '../i18n/locales.ts';
import { DATA_WORDS } from './data.words.ts';
import {
  loadImdb,
  loadManifest,
  reviewTexts,
  type DataSource,
  type ImdbDataset,
  type LoadImdbOptions,
  type LoadProgress,
  type ReviewTexts,
} from './load.ts';
import { memorySource, type ImdbStore, type StoredImdbInfo } from './memory.ts';
import type { ImdbManifest } from './shards.ts';

/** How far preparing an archive has got. */
export interface PrepareProgress {
  /**
   * 'reading': decompressing and tokenizing; 'writing': ranking, compressing and checking the
   * files; 'saving': keeping them in the browser's storage.
   */
  step: 'reading' | 'writing' | 'saving';
  /** Bytes of the archive read so far. */
  bytesRead: number;
  /** The archive's size. */
  bytesTotal: number;
  /** Reviews read so far. */
  reviews: number;
  /** Prepared files written so far. */
  files: number;
}

/** Where the loaded data came from: the site, an archive prepared just now, or storage. */
export type ImdbOrigin = 'site' | 'archive' | 'stored';

/** The loaded dataset, ready for widgets. */
export interface ImdbData {
  /** Vocabulary and both splits' token shards. */
  dataset: ImdbDataset;
  /** The review texts, fetched chunk by chunk on demand. */
  texts: ReviewTexts;
  origin: ImdbOrigin;
  /** Milliseconds from the start of loading to ready. */
  elapsedMs: number;
  /** Why an archive prepared here could not be kept for the next visit, if it could not. */
  storeError?: string;
}

/** An archive the reader chose: a File, or any Blob with a name. */
export type ArchiveFile = Blob & { name?: string };

/** What preparing an archive gives. */
export interface PreparedArchive {
  /** The dataset's files by path. */
  files: Map<string, Uint8Array>;
  /**
   * Set when the preparer kept the files in the store itself (the browser's worker does, so
   * that writing 40 MB to IndexedDB never blocks the page), with the error if that failed.
   * Absent: the loader keeps them.
   */
  saved?: { error?: string };
  /** The files already loaded (a worker does it off the page's thread); absent: the loader loads them. */
  dataset?: ImdbDataset;
}

/** Prepares an archive into the dataset's files (in a Web Worker in browsers). */
export type PrepareArchive = (
  archive: ArchiveFile,
  options: { onProgress: (progress: PrepareProgress) => void; signal: AbortSignal },
) => Promise<PreparedArchive>;

/** What a loader needs from its surroundings. */
export interface ImdbLoaderDeps {
  /** The site's prepared files (`urlSource` of the site's data directory). */
  site: DataSource;
  /** Where the data is kept between visits. */
  store: ImdbStore;
  /** How an archive is prepared. */
  prepare: PrepareArchive;
  /**
   * Loads the site's or the stored files (default: `loadImdb` over `site` or `store.source()`
   * on this thread; browsers use a worker, as decoding 15 MB of shards takes a moment).
   */
  load?: (from: 'site' | 'stored', options: LoadImdbOptions) => Promise<ImdbDataset>;
  /**
   * Reads the site's manifest, null when the site has none (default: `loadManifest(site)`;
   * browsers ask from a worker, where the expected 404 does not land in the page's console).
   */
  probe?: (signal: AbortSignal) => Promise<ImdbManifest | null>;
  /** A clock in milliseconds (default `performance.now`). */
  now?: () => number;
  /** The edition the loader's messages are written in (default English). */
  locale?: Locale;
}

/** Where loading stands. */
export type ImdbLoadState =
  /** Nothing asked yet. */
  | { phase: 'idle' }
  /** Looking in the browser's storage. */
  | { phase: 'checking' }
  /**
   * Waiting for the reader: load the site's data, or choose an archive. `siteMissing` once the
   * site has answered that it has no prepared data, `siteBytes` the size of its download when
   * known; `error` after a failure, in words.
   */
  | { phase: 'choose'; siteMissing: boolean; siteBytes?: number; error?: string }
  /** Fetching the site's prepared files. */
  | { phase: 'downloading'; progress: LoadProgress }
  /**
   * Preparing an archive, then keeping it in storage. `previous`: the data loaded before, which
   * widgets go on using until the archive is ready, and again if it fails or is cancelled.
   */
  | { phase: 'preparing'; name: string; progress: PrepareProgress; saving: boolean; previous?: ImdbData }
  /** Reading the files kept in storage. */
  | { phase: 'opening'; progress: LoadProgress }
  /** `error`: why an archive chosen since could not replace this data, in words. */
  | { phase: 'ready'; data: ImdbData; error?: string };

/** Hints that turn a data error into something a reader can act on, in an edition. */
function hint(code: DataError['code'], locale: Locale): string | undefined {
  const hints: Partial<Record<DataError['code'], string>> = DATA_WORDS[locale].hints;
  return hints[code];
}

/** What a store records about the files prepared from an archive of `bytes` bytes. */
export function archiveInfo(
  name: string,
  bytes: number,
  files: ReadonlyMap<string, Uint8Array>,
): Extract<StoredImdbInfo, { origin: 'archive' }> {
  let storedBytes = 0;
  for (const b of files.values()) storedBytes += b.length;
  return { origin: 'archive', name, bytes, files: files.size, storedBytes, savedAt: new Date().toISOString() };
}

/**
 * `message` as the start of a sentence: a first plain word ("cannot fetch ...") gets a capital,
 * but a message that starts with a file name ("notar.tar.gz is ...", or `name` itself, which may
 * have no extension) keeps it exactly as the reader's file system spells it.
 */
function sentenceStart(message: string, name?: string): string {
  if (name && message.startsWith(name)) return message;
  return /^[a-z]+\s/.test(message) ? message.charAt(0).toUpperCase() + message.slice(1) : message;
}

/** The error beside data that stays loaded, saying that it does. */
function keptNote(message: string, locale: Locale): string {
  return DATA_WORDS[locale].keptNote(message);
}

/**
 * One line for a reader about a failure; null for a cancellation, which needs no message.
 * `name`: the file the reader chose, whose spelling is never changed.
 */
export function describeLoadError(error: unknown, name?: string, locale: Locale = 'en'): string | null {
  if (error instanceof Error && error.name === 'AbortError') return null;
  const w = DATA_WORDS[locale];
  if (isDataError(error)) {
    const help = hint(error.code, locale);
    const message = w.dataError(error.code, sentence(sentenceStart(error.message, name)));
    return help ? `${message}${locale === 'zh' ? '' : ' '}${help}` : message;
  }
  const message = w.wentWrong(errorMessage(error));
  return locale === 'zh' ? message : sentence(message);
}

function notFoundAsNull(error: unknown): null {
  if (isDataError(error, 'not-found')) return null;
  throw error;
}

/** Bytes to download for the vocabulary and both splits' token shards (texts come on demand). */
export function downloadBytes(manifest: ImdbManifest): number {
  let bytes = manifest.vocabulary.bytes;
  for (const split of Object.values(manifest.splits)) for (const shard of split.shards) bytes += shard.bytes;
  return bytes;
}

function abortError(): Error {
  return Object.assign(new Error('Cancelled'), { name: 'AbortError' });
}

/** Loads the dataset once for every widget of a page, and says where it stands. */
export class ImdbLoader {
  #state: ImdbLoadState = { phase: 'idle' };
  readonly #listeners = new Set<(state: ImdbLoadState) => void>();
  readonly #deps: ImdbLoaderDeps;
  readonly #now: () => number;
  readonly #locale: Locale;
  #abort: AbortController | null = null;
  // Bumped by every action, so that the result of a cancelled or replaced one is ignored.
  #generation = 0;
  #siteMissing = false;
  #siteBytes: number | undefined;
  #starting: Promise<void> | null = null;
  readonly #waiting = new Set<(data: ImdbData) => void>();

  constructor(deps: ImdbLoaderDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => performance.now());
    this.#locale = deps.locale ?? 'en';
  }

  /** The current state. */
  get state(): ImdbLoadState {
    return this.#state;
  }

  /** The data once ready (and the data loaded before while an archive is prepared), else null. */
  get data(): ImdbData | null {
    const state = this.#state;
    if (state.phase === 'ready') return state.data;
    return state.phase === 'preparing' ? (state.previous ?? null) : null;
  }

  /** Calls `listener` now and on every change; returns the function that stops it. */
  subscribe(listener: (state: ImdbLoadState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#state);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves with the data when it is (or becomes) ready. */
  whenReady(): Promise<ImdbData> {
    const data = this.data;
    if (data) return Promise.resolve(data);
    return new Promise((resolve) => this.#waiting.add(resolve));
  }

  #set(state: ImdbLoadState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
    if (state.phase === 'ready') {
      for (const resolve of this.#waiting) resolve(state.data);
      this.#waiting.clear();
    }
  }

  #begin(): { generation: number; signal: AbortSignal; started: number } {
    this.#abort?.abort(abortError());
    this.#abort = new AbortController();
    return { generation: ++this.#generation, signal: this.#abort.signal, started: this.#now() };
  }

  #current(generation: number): boolean {
    return generation === this.#generation;
  }

  /**
   * Looks for data kept from an earlier visit: a stored prepared archive opens at once, and the
   * site's data loads again if the reader loaded it before. Otherwise reads the site's manifest
   * (to say whether the site has the data, and how much there is) and waits for the reader.
   * Calling it again does nothing.
   */
  start(): Promise<void> {
    this.#starting ??= (async () => {
      const { generation, signal, started } = this.#begin();
      this.#set({ phase: 'checking' });
      // Storage that cannot be read (private browsing, say) holds nothing.
      const info = await this.#deps.store.info().catch(() => null);
      if (!this.#current(generation)) return;
      if (info?.origin === 'archive') await this.#open(generation, signal, started);
      else if (info?.origin === 'site') await this.#loadSite(generation, signal, started);
      else {
        await this.#probe(signal);
        if (this.#current(generation)) this.#set(this.#choose());
      }
    })();
    return this.#starting;
  }

  async #probe(signal: AbortSignal): Promise<void> {
    const probe = this.#deps.probe ?? ((s) => loadManifest(this.#deps.site, { signal: s }).catch(notFoundAsNull));
    try {
      const manifest = await probe(signal);
      this.#siteMissing = manifest === null;
      this.#siteBytes = manifest === null ? undefined : downloadBytes(manifest);
    } catch {
      // The site did not answer clearly: offer its data anyway, and say what fails if asked.
      this.#siteMissing = false;
    }
  }

  #choose(error?: string | null): Extract<ImdbLoadState, { phase: 'choose' }> {
    return {
      phase: 'choose',
      siteMissing: this.#siteMissing,
      ...(this.#siteBytes === undefined || this.#siteMissing ? {} : { siteBytes: this.#siteBytes }),
      ...(error ? { error } : {}),
    };
  }

  #loadWith(from: 'site' | 'stored', options: LoadImdbOptions): Promise<ImdbDataset> {
    if (this.#deps.load) return this.#deps.load(from, options);
    return loadImdb(from === 'site' ? this.#deps.site : this.#deps.store.source(), options);
  }

  /** Loads the site's prepared data, with progress. */
  async loadFromSite(): Promise<void> {
    const { generation, signal, started } = this.#begin();
    await this.#loadSite(generation, signal, started);
  }

  async #loadSite(generation: number, signal: AbortSignal, started: number): Promise<void> {
    const source = this.#deps.site;
    this.#set({ phase: 'downloading', progress: { loaded: 0, total: 0, files: 0, fileCount: 0 } });
    try {
      const dataset = await this.#loadWith('site', {
        signal,
        onProgress: (progress) => {
          if (this.#current(generation)) this.#set({ phase: 'downloading', progress });
        },
      });
      if (!this.#current(generation)) return;
      // Remembering is a convenience: if storage fails, the data is loaded all the same.
      await this.#deps.store.rememberSite().catch(() => undefined);
      if (!this.#current(generation)) return;
      this.#ready(dataset, source, 'site', started);
    } catch (error) {
      if (!this.#current(generation)) return;
      if (isDataError(error, 'not-found')) {
        this.#siteMissing = true;
        await this.#deps.store.clear().catch(() => undefined);
        if (this.#current(generation)) this.#set(this.#choose());
      } else this.#fail(error);
    }
  }

  async #open(generation: number, signal: AbortSignal, started: number): Promise<void> {
    const source = this.#deps.store.source();
    this.#set({ phase: 'opening', progress: { loaded: 0, total: 0, files: 0, fileCount: 0 } });
    try {
      const dataset = await this.#loadWith('stored', {
        signal,
        onProgress: (progress) => {
          if (this.#current(generation)) this.#set({ phase: 'opening', progress });
        },
      });
      if (this.#current(generation)) this.#ready(dataset, source, 'stored', started);
    } catch (error) {
      if (!this.#current(generation)) return;
      // Storage that no longer reads back is useless: drop it so the next visit starts clean.
      await this.#deps.store.clear().catch(() => undefined);
      await this.#probe(signal);
      if (this.#current(generation)) this.#fail(error, DATA_WORDS[this.#locale].storedUnreadable);
    }
  }

  /**
   * Prepares an archive the reader chose (in a worker), loads it, and keeps the prepared files
   * for the next visit. A bad archive leaves everything as it was, with a message: the data
   * loaded before stays loaded (and usable while the archive is read), with the error beside it.
   */
  async prepareArchive(archive: ArchiveFile): Promise<void> {
    const previous = this.data ?? undefined;
    const { generation, signal, started } = this.#begin();
    const name = archive.name || 'the archive';
    const progress: PrepareProgress = { step: 'reading', bytesRead: 0, bytesTotal: archive.size, reviews: 0, files: 0 };
    const kept = previous ? { previous } : {};
    this.#set({ phase: 'preparing', name, progress, saving: false, ...kept });
    try {
      const prepared = await this.#deps.prepare(archive, {
        signal,
        onProgress: (p) => {
          if (this.#current(generation)) this.#set({ phase: 'preparing', name, progress: p, saving: false, ...kept });
        },
      });
      if (!this.#current(generation)) return;
      const { files, saved } = prepared;
      const source = memorySource(files, name);
      const dataset = prepared.dataset ?? (await loadImdb(source, { signal }));
      if (!this.#current(generation)) return;
      let storeError = saved?.error;
      if (saved === undefined) {
        const state = this.#state;
        if (state.phase === 'preparing') this.#set({ ...state, saving: true });
        const info = archiveInfo(name, archive.size, files);
        try {
          await this.#deps.store.saveArchive(files, info);
        } catch (error) {
          storeError = storageErrorMessage(error, info.storedBytes, this.#locale);
        }
      }
      if (this.#current(generation)) this.#ready(dataset, source, 'archive', started, storeError);
    } catch (error) {
      if (!this.#current(generation)) return;
      const message = describeLoadError(error, archive.name, this.#locale);
      if (previous)
        this.#set({ phase: 'ready', data: previous, ...(message ? { error: keptNote(message, this.#locale) } : {}) });
      else this.#fail(error, undefined, archive.name);
    }
  }

  /** Stops a download or a preparation; the reader can choose again (or goes on with the data loaded before). */
  cancel(): void {
    const state = this.#state;
    const phase = state.phase;
    if (phase !== 'downloading' && phase !== 'preparing' && phase !== 'opening') return;
    this.#begin();
    if (phase === 'preparing' && state.previous) this.#set({ phase: 'ready', data: state.previous });
    else this.#set(this.#choose());
  }

  /** Forgets the data: drops what the browser keeps, and goes back to asking. */
  async forget(): Promise<void> {
    const { generation, signal } = this.#begin();
    let error: string | undefined;
    try {
      await this.#deps.store.clear();
    } catch (e) {
      error = DATA_WORDS[this.#locale].notDeleted(e instanceof Error ? e.message : String(e));
    }
    if (this.#siteBytes === undefined && !this.#siteMissing) await this.#probe(signal);
    if (this.#current(generation)) this.#set(this.#choose(error));
  }

  #ready(dataset: ImdbDataset, source: DataSource, origin: ImdbOrigin, started: number, storeError?: string): void {
    const data: ImdbData = {
      dataset,
      texts: reviewTexts(source, dataset.manifest),
      origin,
      elapsedMs: this.#now() - started,
      ...(storeError === undefined ? {} : { storeError }),
    };
    this.#set({ phase: 'ready', data });
  }

  #fail(error: unknown, prefix?: string, name?: string): void {
    const message = describeLoadError(error, name, this.#locale);
    this.#set(
      this.#choose(message === null ? null : prefix ? DATA_WORDS[this.#locale].prefixed(prefix, message) : message),
    );
  }
}
