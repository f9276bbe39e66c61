/**
 * The only widget code a chapter page loads up front: it watches every `kit-*` element and
 * imports that widget's module (src/widgets/<chapter>/<name>.ts for <kit-name>) when it nears
 * the viewport. Plot, tfjs and models therefore cost nothing until a reader scrolls to them.
 */
import { widgetModuleName, widgetModules } from './names';
import { KIT_WORDS } from './kit.words';

// Every chapter folder's modules, by file name: a widget's tag names its file, wherever it lives.
const modules = widgetModules(import.meta.glob('../*/*.ts'));

function load(el: Element): void {
  const path = widgetModuleName(el.localName);
  const importer = modules.get(path);
  const cell = el.closest('[data-cell]');
  const fail = (message: string) => {
    const line = cell?.querySelector<HTMLElement>('[data-role="error"]');
    if (line) {
      line.textContent = message;
      line.hidden = false;
    }
    console.error(message);
  };
  if (!importer) return fail(KIT_WORDS.now().noModule(el.localName, path));
  importer().catch((e: Error) => fail(KIT_WORDS.now().failedToLoad(el.localName, e.message)));
}

const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      load(entry.target);
    }
  },
  { rootMargin: '400px 0px' },
);

for (const el of document.querySelectorAll('.cell-body > *')) {
  if (el.localName.startsWith('kit-')) observer.observe(el);
}
