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

/** The sentence that says what is loaded and from where. */
export function readySummary(data: ImdbData): string {
  const { manifest } = data.dataset;
  const counts =
    `${fmtInt(manifest.splits.train.count)} training and ${fmtInt(manifest.splits.test.count)} test reviews, ` +
    `${fmtInt(manifest.vocabulary.words)} words in the vocabulary`;
  const name = manifest.source.name;
  const where =
    data.origin === 'site'
      ? 'loaded from this site'
      : data.origin === 'archive'
        ? `prepared in your browser from ${name}`
        : `opened from this browser's storage (prepared earlier from ${name})`;
  const kept =
    data.origin === 'archive'
      ? data.storeError
        ? ` They could not be kept for your next visit: ${sentence(data.storeError)}`
        : ' Kept in this browser for your next visit.'
      : '';
  return `${counts}, ${where} in ${fmtSeconds(data.elapsedMs)}.${kept}`;
}

/** Builds a panel; it starts the loader, which looks for data kept from an earlier visit. */
export function imdbPanel(options: ImdbPanelOptions = {}): ImdbPanel {
  const { mode = 'full', home, loader = imdbLoader() } = options;
  const status = el('p', { className: 'imdb-status', 'data-role': 'imdb-status', 'aria-live': 'polite' });
  const progress = el('progress', {
    className: 'imdb-progress',
    'data-role': 'imdb-progress',
    'aria-label': 'Progress of loading the IMDB reviews',
    max: 1,
    value: 0,
    hidden: true,
  });
  const error = el('p', { className: 'imdb-error', 'data-role': 'imdb-error', role: 'alert', hidden: true });
  const root = el('div', { className: `imdb-panel imdb-${mode}`, 'data-role': 'imdb-panel' }, status, progress);

  const loadSite = el('button', { type: 'button', 'data-role': 'imdb-load-site' }, 'Load the prepared reviews');
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
    el('span', {}, 'Or prepare them here from ', el('code', {}, 'aclImdb_v1.tar.gz'), ': choose it, or drop it here.'),
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
  const cancel = el('button', { type: 'button', 'data-role': 'imdb-cancel' }, 'Cancel');
  cancel.addEventListener('click', () => loader.cancel());
  const forget = el('button', { type: 'button', 'data-role': 'imdb-forget' }, 'Forget the reviews');
  forget.addEventListener('click', () => void loader.forget());
  const source = el(
    'p',
    { className: 'note', 'data-role': 'imdb-where' },
    'The archive is the ',
    el('a', { href: 'https://ai.stanford.edu/~amaas/data/sentiment/' }, 'Large Movie Review Dataset'),
    ` (${fmtMB(IMDB_ARCHIVE_BYTES)}). It is read on your computer, nothing is uploaded.`,
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
        text = 'Looking for the reviews, in this browser and on this site…';
        break;
      case 'choose':
        if (mode === 'compact') {
          text = home
            ? [
                'The reviews are not loaded yet: load them in ',
                el('a', { href: `#cell-${home.id}` }, `“${home.title}”`),
                ' above.',
              ]
            : 'The reviews are not loaded yet.';
        } else if (state.siteMissing) {
          text =
            'This copy of the kit was built without the prepared reviews, so your browser can prepare them ' +
            'from the archive instead.';
          shown.push(drop);
        } else {
          text = 'The reviews are not loaded yet.';
          loadSite.textContent =
            state.siteBytes === undefined
              ? 'Load the prepared reviews'
              : `Load the prepared reviews (${fmtMB(state.siteBytes)})`;
          shown.push(loadSite, drop);
        }
        break;
      case 'downloading': {
        const p = state.progress;
        bar = p.total ? p.loaded / p.total : null;
        text = p.total
          ? `Downloading the prepared reviews: ${fmtMB(p.loaded)} of ${fmtMB(p.total)} (${p.files} of ${p.fileCount} files)…`
          : 'Asking the site for its prepared reviews…';
        shown.push(cancel);
        break;
      }
      case 'preparing': {
        const p = state.progress;
        if (state.saving || p.step === 'saving') {
          bar = null;
          text = "Keeping the prepared reviews in this browser's storage…";
        } else if (p.step === 'reading') {
          bar = p.bytesTotal ? p.bytesRead / p.bytesTotal : null;
          text = `Reading ${state.name}: ${fmtMB(p.bytesRead)} of ${fmtMB(p.bytesTotal)}, ${fmtInt(p.reviews)} reviews so far…`;
        } else {
          bar = null;
          text = `Read ${fmtInt(p.reviews)} reviews; ranking the vocabulary, compressing and checking the files (${p.files} so far)…`;
        }
        shown.push(cancel);
        break;
      }
      case 'opening': {
        const p = state.progress;
        bar = p.total ? p.loaded / p.total : null;
        text = 'Opening the reviews kept in this browser…';
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
