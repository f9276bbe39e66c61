/**
 * The only widget code a chapter page loads up front: it watches every `kit-*` element and
 * imports that widget's module (src/widgets/<name>.ts for <kit-name>) when it nears the
 * viewport. Plot, tfjs and models therefore cost nothing until a reader scrolls to them.
 */
import { widgetModuleName } from './names';

const modules = import.meta.glob('../*.ts');

function load(el: Element): void {
  const path = `../${widgetModuleName(el.localName)}.ts`;
  const importer = modules[path];
  const cell = el.closest('[data-cell]');
  const fail = (message: string) => {
    const line = cell?.querySelector<HTMLElement>('[data-role="error"]');
    if (line) {
      line.textContent = message;
      line.hidden = false;
    }
    console.error(message);
  };
  if (!importer) return fail(`No widget module for <${el.localName}> (expected src/widgets/${path.slice(3)}).`);
  importer().catch((e: Error) => fail(`The widget <${el.localName}> failed to load: ${e.message}`));
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
