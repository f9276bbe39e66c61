/**
 * Export for the TensorFlow Embedding Projector (projector.tensorflow.org, "Load"): two
 * tab-separated files with one line per word, in the same order.
 *
 * - `vectors.tsv`: the numbers of each vector separated by tabs, no header.
 * - `metadata.tsv`: one label per line and no header when there is a single column; with more
 *   columns the first line is a header naming them.
 *
 * The Projector splits on tabs and newlines and refuses files whose line counts differ, so a
 * tab, carriage return or newline inside a word becomes a space and an empty word becomes a
 * visible placeholder (an empty line could be skipped and shift every later label).
 */
import type { VectorTable } from './cosine.ts';

/** Options of {@link projectorVectorsTsv}. */
export interface ProjectorVectorsOptions {
  /** Significant digits per number; 6 is ample for a picture and keeps files small. */
  precision?: number;
}

/** Options of {@link projectorMetadataTsv}. */
export interface ProjectorMetadataOptions {
  /** Extra columns, each as many values as there are words; any column adds a header line. */
  columns?: Record<string, readonly (string | number)[]>;
  /** The header of the word column, written only when there are extra columns. */
  labelHeader?: string;
  /** What an empty word is written as. */
  emptyLabel?: string;
}

/** `vectors.tsv` for a table `[rows, dim]`: `rows` lines of `dim` tab-separated numbers. */
export function projectorVectorsTsv(table: VectorTable, options: ProjectorVectorsOptions = {}): string {
  const { precision = 6 } = options;
  const { values, rows, dim } = table;
  const lines: string[] = [];
  const cells: string[] = new Array<string>(dim);
  for (let r = 0, offset = 0; r < rows; r++, offset += dim) {
    for (let j = 0; j < dim; j++) cells[j] = formatNumber(values[offset + j], precision);
    lines.push(cells.join('\t'));
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** `metadata.tsv` for `words` (one per table row, same order): a line per word, plus a header if columns. */
export function projectorMetadataTsv(words: readonly string[], options: ProjectorMetadataOptions = {}): string {
  const { columns = {}, labelHeader = 'word', emptyLabel = '<empty>' } = options;
  const names = Object.keys(columns);
  for (const name of names) {
    if (columns[name].length !== words.length) {
      throw new RangeError(`column "${name}" has ${columns[name].length} values for ${words.length} words`);
    }
  }
  const cell = (value: string | number): string => projectorCell(String(value), emptyLabel);
  const lines: string[] = [];
  if (names.length > 0) lines.push([labelHeader, ...names].map(cell).join('\t'));
  words.forEach((word, i) => {
    lines.push([word, ...names.map((name) => columns[name][i])].map(cell).join('\t'));
  });
  return lines.map((line) => `${line}\n`).join('');
}

/** A text made safe for one TSV cell: tabs and line breaks become spaces; empty becomes `emptyLabel`. */
export function projectorCell(text: string, emptyLabel = '<empty>'): string {
  const safe = text.replace(/[\t\r\n]/g, ' ');
  return safe === '' ? emptyLabel : safe;
}

function formatNumber(x: number, precision: number): string {
  // A NaN or infinity in an embedding is a training bug; writing it would hide it.
  if (!Number.isFinite(x)) throw new RangeError(`cannot export the non-finite value ${x}`);
  // Number(...) drops the trailing zeros toPrecision pads with ("0.500000" -> "0.5").
  return String(Number(x.toPrecision(precision)));
}
