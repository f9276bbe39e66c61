/**
 * One checked parser for every Node command's options, and one way to end a command: a bad
 * option gives one line naming it and exit code 2; a failure while running gives one line and
 * exit code 1; neither prints a stack trace (set DEBUG=1 to see one).
 *
 *     const args = parseOptions(argv, {
 *       epochs: { type: 'int', min: 1 },               // a whole number, checked
 *       seed: { type: 'int', default: 7 },
 *       validation: { type: 'choice', choices: ['split', 'test'], default: 'split' },
 *     });
 *     args.epochs;                                     // number | undefined
 */
import { parseArgs } from 'node:util';

/** A mistake in the command line: the message names the option and what it takes. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What one option takes. */
export type OptionSpec =
  | { type: 'string'; default?: string }
  | { type: 'boolean'; default?: boolean }
  | { type: 'int'; default?: number; min?: number; max?: number }
  | { type: 'number'; default?: number; min?: number; max?: number }
  | { type: 'choice'; choices: readonly string[]; default?: string };

type ValueOf<S extends OptionSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'int' | 'number' }
    ? number
    : S extends { type: 'choice'; choices: readonly (infer C)[] }
      ? C
      : string;

/** The parsed options: an option with a default (and every boolean) is always present. */
export type Options<Specs extends Record<string, OptionSpec>> = {
  [K in keyof Specs]: Specs[K] extends { default: unknown } | { type: 'boolean' }
    ? ValueOf<Specs[K]>
    : ValueOf<Specs[K]> | undefined;
};

const INT = /^[-+]?\d+$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** `--name` takes …: the range, for messages. */
function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return min === 0 ? ' of 0 or more' : ` of ${min} or more`;
  if (max !== undefined) return ` of ${max} or less`;
  return '';
}

/** Parses and checks one option's text. */
function checked(name: string, spec: OptionSpec, text: string): string | number {
  const flag = `--${name}`;
  if (spec.type === 'choice') {
    if (!spec.choices.includes(text))
      throw new UsageError(`${flag} must be one of ${spec.choices.join(', ')}, not "${text}"`);
    return text;
  }
  if (spec.type === 'int' || spec.type === 'number') {
    const kind = spec.type === 'int' ? 'a whole number' : 'a number';
    const n = Number(text);
    const ok = (spec.type === 'int' ? INT : NUMBER).test(text.trim()) && Number.isFinite(n);
    if (!ok || (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
      throw new UsageError(`${flag} must be ${kind}${range(spec.min, spec.max)}, not "${text}"`);
    }
    return n;
  }
  return text;
}

/** Node's parseArgs messages, shortened to their first sentence ("Unknown option '--foo'"). */
function shortMessage(error: Error): string {
  return error.message.split(/\.\s/)[0]!.replace(/\.$/, '');
}

/**
 * Parses `argv` against `specs`: unknown options, missing values, values of the wrong kind or
 * out of range, and more than `positionals` plain arguments (default none) throw a
 * {@link UsageError}. The plain arguments come back in `positionals`.
 */
export function parseOptions<const Specs extends Record<string, OptionSpec>>(
  argv: string[],
  specs: Specs,
  { positionals: allowed = 0 }: { positionals?: number } = {},
): Options<Specs> & { positionals: string[] } {
  const raw: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const [name, spec] of Object.entries(specs))
    raw[name] = { type: spec.type === 'boolean' ? 'boolean' : 'string' };
  // `--epochs -1`: a negative number is the option's value (then checked), not another option.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const spec = specs[argv[i]!.replace(/^--/, '')];
    const numeric = argv[i]!.startsWith('--') && (spec?.type === 'int' || spec?.type === 'number');
    if (numeric && /^-[\d.]/.test(argv[i + 1] ?? '')) args.push(`${argv[i]}=${argv[++i]}`);
    else args.push(argv[i]!);
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args, options: raw, strict: true, allowPositionals: allowed > 0 });
    values = parsed.values as typeof values;
    positionals = parsed.positionals;
  } catch (error) {
    throw new UsageError(shortMessage(error as Error));
  }
  if (positionals.length > allowed) throw new UsageError(`Unexpected argument '${positionals[allowed]}'`);
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = values[name];
    if (value === undefined) out[name] = spec.default ?? (spec.type === 'boolean' ? false : undefined);
    else if (typeof value === 'boolean') out[name] = value;
    else out[name] = checked(name, spec, value);
  }
  return { ...(out as Options<Specs>), positionals };
}

/** How a command ended, for {@link exitFor}: the line to print and the exit code. */
export function exitFor(command: string, error: unknown, hasHelp = true): { line: string; code: number } {
  const message = error instanceof Error ? error.message || error.name : String(error);
  if (error instanceof UsageError) return { line: `${command}: ${message}${hasHelp ? ' (see --help)' : ''}`, code: 2 };
  return { line: `${command}: ${message}`, code: 1 };
}

/**
 * Runs a command's `main`, ending the process with one line and exit code 2 on a
 * {@link UsageError}, 1 on any other error; the stack only with DEBUG set.
 */
export function runCommand(command: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const { line, code } = exitFor(command, error);
    process.stderr.write(`${line}\n`);
    if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(code);
  });
}

/**
 * {@link parseOptions} for a script that runs at the top level: a bad option prints one line
 * (`command: …`) and ends the process with exit code 2.
 */
export function optionsOrExit<const Specs extends Record<string, OptionSpec>>(
  command: string,
  specs: Specs,
  settings: { positionals?: number } = {},
): Options<Specs> & { positionals: string[] } {
  try {
    return parseOptions(process.argv.slice(2), specs, settings);
  } catch (error) {
    const { line, code } = exitFor(command, error, 'help' in specs);
    process.stderr.write(`${line}\n`);
    process.exit(code);
  }
}
