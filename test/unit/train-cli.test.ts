import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = resolve('node_modules/.bin/tsx');

/** Runs `npm run train` with `args`; every case here fails before any data is read. */
function train(args: string[]) {
  const run = spawnSync(TSX, [resolve('scripts/train.ts'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stderr: run.stderr, stdout: run.stdout };
}

describe('npm run train', () => {
  it('refuses bad options in one line with exit code 2, never a stack trace', () => {
    const cases: [string[], string][] = [
      [['--sample', 'abc'], '--sample must be a whole number of 1 or more, not "abc"'],
      [['--sample', '0'], '--sample must be a whole number of 1 or more, not "0"'],
      [['--seed', 'abc'], '--seed must be a whole number, not "abc"'],
      [['--epochs', '-1'], '--epochs must be a whole number of 1 or more, not "-1"'],
      [['--foo'], "Unknown option '--foo'"],
      [['--units', '64,x'], '--units must be whole numbers above 0, separated by commas, not "64,x"'],
    ];
    for (const [args, message] of cases) {
      expect(train(args)).toMatchObject({ code: 2, stderr: `train: ${message} (see --help)\n` });
    }
  });

  it('says in one line, exit code 1, that the data is missing', () => {
    expect(train(['--data', '/nonexistent-kit-data'])).toMatchObject({
      code: 1,
      stderr:
        'train: no prepared IMDB data in /nonexistent-kit-data: prepare it first with npm run data -- --archive PATH\n',
    });
  });

  it('explains its options', () => {
    const run = train(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: npm run train');
  });
});
