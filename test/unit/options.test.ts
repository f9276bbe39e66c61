import { describe, expect, it } from 'vitest';
import { exitFor, parseOptions, UsageError } from '../../scripts/lib/options';

const specs = {
  epochs: { type: 'int', min: 1, max: 1000 },
  seed: { type: 'int', default: 7 },
  rate: { type: 'number', min: 0 },
  validation: { type: 'choice', choices: ['split', 'test'], default: 'split' },
  out: { type: 'string' },
  resume: { type: 'boolean' },
} as const;

const fails = (argv: string[]) => {
  try {
    parseOptions(argv, specs);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${argv.join(' ')}`);
};

describe('the Node commands’ option parser', () => {
  it('gives defaults, checked numbers, choices and booleans', () => {
    expect(parseOptions([], specs)).toEqual({
      positionals: [],
      epochs: undefined,
      seed: 7,
      rate: undefined,
      validation: 'split',
      out: undefined,
      resume: false,
    });
    expect(
      parseOptions(
        ['--epochs', '3', '--seed=-2', '--rate', '1e-3', '--validation', 'test', '--out', 'm', '--resume'],
        specs,
      ),
    ).toEqual({ epochs: 3, seed: -2, rate: 0.001, validation: 'test', out: 'm', resume: true, positionals: [] });
    expect(parseOptions(['a.tar.gz', '--seed', '3'], specs, { positionals: 1 })).toMatchObject({
      seed: 3,
      positionals: ['a.tar.gz'],
    });
    expect(() => parseOptions(['a', 'b'], specs, { positionals: 1 })).toThrow(
      new UsageError("Unexpected argument 'b'"),
    );
  });

  it('refuses what is not a number, out of range, or not a choice, naming the option', () => {
    expect(fails(['--epochs', 'abc'])).toBe('--epochs must be a whole number from 1 to 1000, not "abc"');
    expect(fails(['--epochs', '-1'])).toBe('--epochs must be a whole number from 1 to 1000, not "-1"');
    expect(fails(['--epochs', '2.5'])).toBe('--epochs must be a whole number from 1 to 1000, not "2.5"');
    expect(fails(['--epochs', ''])).toBe('--epochs must be a whole number from 1 to 1000, not ""');
    expect(fails(['--seed', 'abc'])).toBe('--seed must be a whole number, not "abc"');
    expect(fails(['--rate', 'NaN'])).toBe('--rate must be a number of 0 or more, not "NaN"');
    expect(fails(['--rate', 'Infinity'])).toBe('--rate must be a number of 0 or more, not "Infinity"');
    expect(fails(['--validation', 'all'])).toBe('--validation must be one of split, test, not "all"');
  });

  it('refuses unknown options, missing values and stray arguments in one line', () => {
    expect(fails(['--foo'])).toBe("Unknown option '--foo'");
    expect(fails(['--epochs'])).toMatch(/^Option '--epochs <value>' argument missing$/);
    expect(fails(['stray'])).toMatch(/^Unexpected argument 'stray'/);
    for (const argv of [['--foo'], ['--epochs'], ['stray']]) expect(fails(argv)).not.toContain('\n');
  });

  it('ends a command with exit code 2 for usage, 1 for failures, and one line either way', () => {
    expect(exitFor('train', new UsageError('--epochs must be a whole number'))).toEqual({
      line: 'train: --epochs must be a whole number (see --help)',
      code: 2,
    });
    expect(exitFor('train', new Error('no prepared IMDB data in x'))).toEqual({
      line: 'train: no prepared IMDB data in x',
      code: 1,
    });
    // Chromium's QuotaExceededError and others can come with an empty message: say its name.
    const quota = new Error('');
    quota.name = 'QuotaExceededError';
    expect(exitFor('data', quota).line).toBe('data: QuotaExceededError');
  });
});
