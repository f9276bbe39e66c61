import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  flowViolations,
  importCycles,
  importEdges,
  importSpecifiers,
  layerOf,
  readSources,
  workerLayoutProblems,
} from '../../scripts/lib/import-graph';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the import checker', () => {
  it('finds static, dynamic, re-export, side-effect and worker-URL imports', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b.ts';",
      "export * from './c.ts';",
      "import './d.css';",
      "const e = await import('./e');",
      "new Worker(new URL('../workers/f.ts', import.meta.url));",
      "import wasm from '@tensorflow/tfjs-backend-wasm/x.wasm?url';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a', '../b.ts', './c.ts', './d.css', './e', '../workers/f.ts']);
  });

  it('places files in the layers of the flow', () => {
    expect(layerOf('src/data/pad.ts')?.name).toBe('data');
    expect(layerOf('src/baselines/fit.ts')?.name).toBe('models');
    expect(layerOf('src/workers/sentiment/worker.ts')?.name).toBe('workers');
    expect(layerOf('src/widgets/kit/dom.ts')?.name).toBe('widgets');
    expect(layerOf('src/pages/index.astro')?.name).toBe('pages');
    expect(layerOf('chapters/01-sequences.mdx')?.name).toBe('pages');
    expect(layerOf('scripts/train.ts')).toBeNull();
  });

  it('rejects downstream imports, imports of tests and of scripts from src', () => {
    const files = new Map([
      ['src/data/a.ts', "import { w } from '../widgets/w';"],
      ['src/widgets/w.ts', "import { x } from '../workers/x';"],
      ['src/workers/x.ts', "import { p } from '../lstm/p';"],
      ['src/lstm/p.ts', "import { q } from '../data/q';"],
      ['src/data/q.ts', ''],
      ['scripts/s.ts', "import { f } from '../test/fixtures/f';"],
      ['src/embedding/e.ts', "import { s } from '../../scripts/s';"],
    ]);
    expect(flowViolations(importEdges(files))).toEqual([
      'src/data/a.ts -> src/widgets/w.ts (data imports widgets, downstream)',
      'scripts/s.ts -> test/fixtures/f (code imports a test file)',
      'src/embedding/e.ts -> scripts/s.ts (src imports a script)',
    ]);
  });

  it('finds cycles, however long, and nothing in a tree without one', () => {
    const cyclic = new Map([
      ['src/lstm/a.ts', "import { b } from './b';"],
      ['src/lstm/b.ts', "import type { C } from './c';"],
      ['src/lstm/c.ts', "import { a } from './a';"],
      ['src/lstm/d.ts', "import { a } from './a';"],
    ]);
    expect(importCycles(importEdges(cyclic))).toEqual([['src/lstm/a.ts', 'src/lstm/b.ts', 'src/lstm/c.ts']]);
    cyclic.set('src/lstm/c.ts', '');
    expect(importCycles(importEdges(cyclic))).toEqual([]);
  });
});

describe('the worker layout check', () => {
  const good = (): Map<string, string> =>
    new Map([
      ['src/workers/client.ts', 'export function startWorker() {}'],
      ['src/workers/a/protocol.ts', "import type { X } from '../../data/x';\nexport type Request = { type: 'go' };"],
      ['src/workers/a/worker.ts', "import { workerPort } from '../scope';\nconst port = workerPort();"],
      [
        'src/widgets/w/w.ts',
        "startWorker(() => new Worker(new URL('../../workers/a/worker.ts', import.meta.url), { type: 'module' }), f);",
      ],
    ]);

  it('passes a tree laid out as the README says', () => {
    expect(workerLayoutProblems(good())).toEqual([]);
  });

  it('finds a worker outside its folder, a missing protocol, code in a protocol and messages by hand', () => {
    const tree = good();
    tree.set('src/workers/b/worker.ts', 'self.onmessage = () => {};');
    tree.set('src/workers/a/protocol.ts', "import { z } from '../../data/z';\nexport const N = 3;");
    tree.set(
      'src/widgets/w/v.ts',
      "const w = new Worker(new URL('../../workers/loose.ts', import.meta.url));\nw.postMessage(1);",
    );
    expect(workerLayoutProblems(tree)).toEqual([
      'src/widgets/w/v.ts: starts src/workers/loose.ts, which is not src/workers/<name>/worker.ts',
      'src/widgets/w/v.ts: talks to its worker by hand instead of through client.ts',
      'src/workers/a/protocol.ts: a protocol holds types only, but exports code: export const N = 3;',
      "src/workers/a/protocol.ts: a protocol holds types only, but imports code: import { z } from '../../data/z';",
      'src/workers/b/: has no protocol.ts',
      'src/workers/b/worker.ts: posts or listens by hand instead of through workerPort()',
    ]);
  });
});

describe("the kit's own imports", () => {
  const edges = importEdges(readSources(root, ['src', 'scripts', 'chapters']));

  it('sees the whole tree', () => {
    // A guard against a checker that silently reads nothing: the tree has hundreds of imports.
    expect(edges.length).toBeGreaterThan(500);
  });

  it('flow one way: data -> models -> workers -> widgets -> pages, and never into test/', () => {
    expect(flowViolations(edges)).toEqual([]);
  });

  it('have no cycles', () => {
    expect(importCycles(edges)).toEqual([]);
  });

  it('start every worker from src/workers/<name>/worker.ts, through the one client', () => {
    const sources = readSources(root, ['src']);
    expect([...sources.keys()].filter((p) => p.endsWith('/worker.ts')).length).toBeGreaterThanOrEqual(8);
    expect(workerLayoutProblems(sources)).toEqual([]);
  });
});
