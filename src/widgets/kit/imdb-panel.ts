/**
 * The IMDB data panel that widgets of chapters 4 to 6 put at their top: what is loaded and from
 * where, a progress bar, the button that loads the site's prepared reviews, a file input that
 * is also a drop zone for `aclImdb_v1.tar.gz`, Cancel, and Forget. Every panel on a page shows
 * the page's one loader (src/workers/imdb-client.ts), so they all agree.
 *
 * Not a widget itself: `imdbPanel()` returns an element to append.
 */
import { imdbLoader } from '../../workers/imdb-client';
import { IMDB_ARCHIVE_BYTES } from '../../data/imdb';
import { sentence } from '../../data/format';
import type { ImdbData, ImdbLoader, ImdbLoadState } from '../../data/loader';
import { el } from './dom';
import { fmtInt } from './format';
import { IMDB_PANEL_WORDS } from './imdb-panel.words';
import './imdb-panel.css';

/** Options of {@link imdbPanel}. */
export interface ImdbPanelOptions {
  /**
   * 'full' offers every action; 'compact' only reports, and points to the cell with the full
   * panel while nothing is loaded (one page needs only one file input).
   */
  mode?: 'full' | 'compact';
  /** The cell that holds the full panel, for the compact panel's link: its id and title. */
  home?: { id: string; title: string };
  /** The loader (default: the page's shared one). */
  loader?: ImdbLoader;
}

/** A panel element, and how to stop it listening when its widget goes away. */
export interface ImdbPanel {
  root: HTMLElement;
  loader: ImdbLoader;
  dispose(): void;
}

/** Megabytes with one decimal, for sizes of downloads and archives. */
export function fmtMB(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Seconds with one decimal. */
function fmtSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The sentence that says what is loaded and from where, in the words `w` (the page's edition by default). */
export function readySummary(data: ImdbData, w = IMDB_PANEL_WORDS.now()): string {
  const { manifest } = data.dataset;
  const counts = w.counts(
    fmtInt(manifest.splits.train.count),
    fmtInt(manifest.splits.test.count),
    fmtInt(manifest.vocabulary.words),
  );
  const name = manifest.source.name;
  const where =
    data.origin === 'site' ? w.fromSite : data.origin === 'archive' ? w.fromArchive(name) : w.fromStorage(name);
  const kept = data.origin === 'archive' ? (data.storeError ? w.notKept(sentence(data.storeError)) : w.kept) : '';
  return w.ready(counts, where, fmtSeconds(data.elapsedMs), kept);
}

/** Builds a panel; it starts the loader, which looks for data kept from an earlier visit. */
export function imdbPanel(options: ImdbPanelOptions = {}): ImdbPanel {
  const { mode = 'full', home, loader = imdbLoader() } = options;
  const w = IMDB_PANEL_WORDS.now();
  const status = el('p', { className: 'imdb-status', 'data-role': 'imdb-status', 'aria-live': 'polite' });
  const progress = el('progress', {
    className: 'imdb-progress',
    'data-role': 'imdb-progress',
    'aria-label': w.progressLabel,
    max: 1,
    value: 0,
    hidden: true,
  });
  const error = el('p', { className: 'imdb-error', 'data-role': 'imdb-error', role: 'alert', hidden: true });
  const root = el('div', { className: `imdb-panel imdb-${mode}`, 'data-role': 'imdb-panel' }, status, progress);

  const loadSite = el('button', { type: 'button', 'data-role': 'imdb-load-site' }, w.loadSite);
  loadSite.addEventListener('click', () => void loader.loadFromSite());
  const input = el('input', {
    type: 'file',
    name: 'archive',
    'data-role': 'imdb-file',
    accept: '.gz,.tgz,application/gzip,application/x-gzip',
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing a download) fires again.
    input.value = '';
    if (file) void loader.prepareArchive(file);
  });
  const drop = el(
    'label',
    { className: 'imdb-drop', 'data-role': 'imdb-drop' },
    el('span', {}, w.dropBefore, el('code', {}, 'aclImdb_v1.tar.gz'), w.dropAfter),
    input,
  );
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (file) void loader.prepareArchive(file);
  });
  const cancel = el('button', { type: 'button', 'data-role': 'imdb-cancel' }, w.cancel);
  cancel.addEventListener('click', () => loader.cancel());
  const forget = el('button', { type: 'button', 'data-role': 'imdb-forget' }, w.forget);
  forget.addEventListener('click', () => void loader.forget());
  const source = el(
    'p',
    { className: 'note', 'data-role': 'imdb-where' },
    w.sourceBefore,
    el('a', { href: 'https://ai.stanford.edu/~amaas/data/sentiment/' }, w.sourceName),
    w.sourceAfter(fmtMB(IMDB_ARCHIVE_BYTES)),
  );
  const buttons = [loadSite, drop, cancel, forget];
  const actions = el('div', { className: 'controls imdb-actions' }, ...buttons);
  if (mode === 'full') root.append(actions, source, error);
  else root.append(error);

  const render = (state: ImdbLoadState) => {
    root.dataset.phase = state.phase;
    let text: string | (string | Node)[] = '';
    let bar: number | null | undefined; // a fraction, null for an indeterminate bar, undefined for none
    const shown: HTMLElement[] = [];
    switch (state.phase) {
      case 'idle':
      case 'checking':
        text = w.looking;
        break;
      case 'choose':
        if (mode === 'compact') {
          text = home
            ? [w.loadInBefore, el('a', { href: `#cell-${home.id}` }, w.quoted(home.title)), w.loadInAfter]
            : w.notLoaded;
        } else if (state.siteMissing) {
          text = w.siteMissing;
          shown.push(drop);
        } else {
          text = w.notLoaded;
          loadSite.textContent = state.siteBytes === undefined ? w.loadSite : w.loadSiteSize(fmtMB(state.siteBytes));
          shown.push(loadSite, drop);
        }
        break;
      case 'downloading': {
        const p = state.progress;
        bar = p.total ? p.loaded / p.total : null;
        text = p.total
          ? w.downloading(fmtMB(p.loaded), fmtMB(p.total), fmtInt(p.files), fmtInt(p.fileCount))
          : w.asking;
        shown.push(cancel);
        break;
      }
      case 'preparing': {
        const p = state.progress;
        if (state.saving || p.step === 'saving') {
          bar = null;
          text = w.saving;
        } else if (p.step === 'reading') {
          bar = p.bytesTotal ? p.bytesRead / p.bytesTotal : null;
          text = w.reading(state.name, fmtMB(p.bytesRead), fmtMB(p.bytesTotal), fmtInt(p.reviews));
        } else {
          bar = null;
          text = w.ranking(fmtInt(p.reviews), fmtInt(p.files));
        }
        shown.push(cancel);
        break;
      }
      case 'opening': {
        const p = state.progress;
        bar = p.total ? p.loaded / p.total : null;
        text = w.opening;
        shown.push(cancel);
        break;
      }
      case 'ready':
        bar = 1;
        text = readySummary(state.data);
        shown.push(forget);
        break;
    }
    status.replaceChildren(...(typeof text === 'string' ? [text] : text));
    if (bar === undefined) progress.hidden = true;
    else {
      progress.hidden = false;
      if (bar === null) progress.removeAttribute('value');
      else progress.value = Math.min(1, Math.max(0, bar));
    }
    if (mode === 'compact') {
      // Once loaded, the full panel says where from; the compact one has nothing to add.
      root.hidden = state.phase === 'ready';
    } else {
      for (const b of buttons) b.hidden = !shown.includes(b);
      source.hidden = state.phase !== 'choose';
    }
    // Beside data that stays loaded, the error says why an archive chosen since did not replace it.
    const message = state.phase === 'choose' || state.phase === 'ready' ? (state.error ?? '') : '';
    error.textContent = message;
    error.hidden = message === '';
  };

  const stop = loader.subscribe(render);
  void loader.start();
  return { root, loader, dispose: stop };
}

/**
 * Calls `onChange` with the loaded data, or null, whenever that changes (not on every progress
 * report); returns the function that stops it.
 */
export function watchData(loader: ImdbLoader, onChange: (data: ImdbData | null) => void): () => void {
  let last: ImdbData | null | undefined;
  return loader.subscribe(() => {
    const data = loader.data;
    if (data === last) return;
    last = data;
    onChange(data);
  });
}
