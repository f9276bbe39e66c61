/**
 * npm run bench:weight [-- --dir dist --base /]: prints what every page loads before a widget
 * starts (gzip bytes) and the JavaScript budget of 60 KB per page. Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { pageWeights } from './lib/page-weight';
import { optionsOrExit } from './lib/options.ts';

const BUDGET_JS = 60 * 1024;
const values = optionsOrExit('bench:weight', {
  dir: { type: 'string', default: 'dist' },
  base: { type: 'string', default: '/' },
});
if (!existsSync(values.dir)) {
  console.error(`No build in ${values.dir}: run "npm run build" first.`);
  process.exit(1);
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows = pageWeights(values.dir, values.base).sort((a, b) => a.page.localeCompare(b.page));
console.log(`Page weight before any widget starts (gzip), build in ${values.dir}`);
console.log('| page | HTML | CSS | JS | JS budget | MathJax in JS |');
console.log('| --- | ---: | ---: | ---: | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.page} | ${kb(r.html)} | ${kb(r.css)} | ${kb(r.js)} | ${r.js <= BUDGET_JS ? 'within 60 KB' : 'OVER 60 KB'} | ${r.mathjax ? 'yes' : '0 bytes'} |`,
  );
}
if (rows.some((r) => r.js > BUDGET_JS || r.mathjax)) process.exit(1);
