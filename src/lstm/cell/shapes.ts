/**
 * Shape checks shared by the LSTM modules. Internal: not re-exported from `index.ts`, because the
 * arrays carry no shape of their own and these messages are only useful from inside the kit.
 */

/** Throws `"<what> needs N numbers, got M."` unless `a.length === n`. */
export function expectLength(a: ArrayLike<number>, n: number, what: string): void {
  if (a.length !== n) throw new Error(`${what} needs ${n} numbers, got ${a.length}.`);
}
