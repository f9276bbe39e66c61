/**
 * The kit's import graph and the one-way rule it must follow: `src/data` -> `src/lstm`,
 * `src/embedding`, `src/baselines` -> `src/workers` -> `src/widgets` -> pages and chapters.
 * Nothing under `src/` or `scripts/` imports `test/`, `src/` imports nothing from `scripts/`,
 * and no file reaches itself through its imports. Pure functions over file texts, so the rule
 * is tested on small made-up trees as well as on the real one (test/unit/import-flow.test.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** One import of a file: the path it names, resolved against the repository root (posix). */
export interface ImportEdge {
  from: string;
  to: string;
}

/** The layers of the flow, upstream first; a file may import its own layer or one above it. */
export const LAYERS: { name: string; rank: number; test: (path: string) => boolean }[] = [
  // The editions' words (src/i18n) sit with the data: any layer may say something.
  { name: 'data', rank: 0, test: (p) => p.startsWith('src/data/') || p.startsWith('src/i18n/') },
  { name: 'models', rank: 1, test: (p) => /^src\/(lstm|embedding|baselines)\//.test(p) },
  { name: 'workers', rank: 2, test: (p) => p.startsWith('src/workers/') },
  { name: 'widgets', rank: 3, test: (p) => p.startsWith('src/widgets/') || p === 'src/paths.ts' },
  { name: 'pages', rank: 4, test: (p) => p.startsWith('src/') || p.startsWith('chapters/') },
];

/** The layer of a file under `src/` or `chapters/`, or null for files outside the flow. */
export function layerOf(path: string): { name: string; rank: number } | null {
  if (!path.startsWith('src/') && !path.startsWith('chapters/')) return null;
  return LAYERS.find((l) => l.test(path)) ?? null;
}

// Static and dynamic imports, re-exports, side-effect imports and `new URL(..., import.meta.url)`
// (how a page starts a worker): every way one file here can pull in another.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bnew URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The relative specifiers a source text imports, in order, without duplicates. */
export function importSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(SPECIFIER)) found.add(m[1]!.split('?')[0]!);
  return [...found];
}

/** Resolves a specifier from `file` against the set of known files (extension and index optional). */
export function resolveSpecifier(file: string, specifier: string, known: ReadonlySet<string>): string {
  const base = posix.normalize(posix.join(posix.dirname(file), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}.astro`, `${base}/index.ts`]) {
    if (known.has(candidate)) return candidate;
  }
  return base;
}

/** The edges of the graph of `files` (path -> text), to files that exist or not. */
export function importEdges(files: ReadonlyMap<string, string>): ImportEdge[] {
  const known = new Set(files.keys());
  const edges: ImportEdge[] = [];
  for (const [from, text] of files) {
    for (const s of importSpecifiers(text)) edges.push({ from, to: resolveSpecifier(from, s, known) });
  }
  return edges;
}

/** Every edge that breaks the one-way rule, as "from -> to (why)" lines. */
export function flowViolations(edges: readonly ImportEdge[]): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const inCode = from.startsWith('src/') || from.startsWith('scripts/');
    if (inCode && to.startsWith('test/')) out.push(`${from} -> ${to} (code imports a test file)`);
    else if (from.startsWith('src/') && to.startsWith('scripts/')) out.push(`${from} -> ${to} (src imports a script)`);
    const a = layerOf(from);
    const b = layerOf(to);
    if (a && b && b.rank > a.rank) out.push(`${from} -> ${to} (${a.name} imports ${b.name}, downstream)`);
  }
  return out;
}

/** The import cycles among the given edges: each as its files in order (Tarjan's strongly connected components). */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (from === to) continue;
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.reverse());
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** Reads the TypeScript, Astro and MDX files under `dirs` of `root`, keyed by posix path. */
export function readSources(root: string, dirs: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel))) {
      const path = posix.join(rel, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.(ts|astro|mdx)$/.test(name)) files.set(path, readFileSync(join(root, path), 'utf8'));
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(dir);
  return files;
}

/**
 * Where the workers stray from their layout, one line each (empty when none): every worker is
 * `src/workers/<name>/worker.ts` beside a `protocol.ts` that holds types only; a worker talks
 * through `workerPort()` (src/workers/scope.ts) and a page through src/workers/client.ts, so
 * neither file that starts a worker nor a worker file posts or listens by hand.
 */
export function workerLayoutProblems(sources: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const byHand = /\.postMessage\(|\.onmessage\b|addEventListener\(\s*['"]message['"]/;
  const folders = new Set<string>();
  for (const [path, text] of sources) {
    const inFolder = /^src\/workers\/([^/]+)\/([^/]+)$/.exec(path);
    if (inFolder) folders.add(`src/workers/${inFolder[1]}`);
    if (inFolder?.[2] === 'protocol.ts') {
      for (const line of text.split('\n')) {
        if (/^\s*import\s/.test(line) && !/^\s*import\s+type\s/.test(line))
          problems.push(`${path}: a protocol holds types only, but imports code: ${line.trim()}`);
        if (/^\s*export\s+(const|let|function|class|async|default)\b/.test(line))
          problems.push(`${path}: a protocol holds types only, but exports code: ${line.trim()}`);
      }
    }
    if (inFolder?.[2] === 'worker.ts' && byHand.test(text))
      problems.push(`${path}: posts or listens by hand instead of through workerPort()`);
    for (const match of text.matchAll(/new Worker\(\s*new URL\(\s*['"]([^'"]+)['"]/g)) {
      const target = posix.normalize(posix.join(posix.dirname(path), match[1]!));
      if (!/^src\/workers\/[^/]+\/worker\.ts$/.test(target))
        problems.push(`${path}: starts ${target}, which is not src/workers/<name>/worker.ts`);
      if (byHand.test(text)) problems.push(`${path}: talks to its worker by hand instead of through client.ts`);
    }
  }
  for (const folder of folders) {
    for (const file of ['worker.ts', 'protocol.ts']) {
      if (!sources.has(`${folder}/${file}`)) problems.push(`${folder}/: has no ${file}`);
    }
  }
  return [...new Set(problems)].sort();
}
