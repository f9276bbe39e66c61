/**
 * Word analogies by vector arithmetic: "a is to b as c is to ?" answered by the words nearest
 * to a - b + c. With a = king, b = man, c = woman the hoped-for answer is queen.
 */
import { row, type UnitVectorTable } from './cosine.ts';
import { nearestToVector, type Neighbour, type NeighbourOptions } from './neighbours.ts';

/**
 * The `k` rows nearest by cosine to `unit(a) - unit(b) + unit(c)` in `table` (`[rows, dim]`,
 * unit rows), best first, leaving out the three input ids (and `exclude`), which would
 * otherwise usually win: the sum stays close to `a` and `c`.
 */
export function analogy(
  table: UnitVectorTable,
  a: number,
  b: number,
  c: number,
  options: NeighbourOptions = {},
): Neighbour[] {
  const { k = 1, exclude = [] } = options;
  const va = row(table, a);
  const vb = row(table, b);
  const vc = row(table, c);
  // The rows are unit vectors already, so each word weighs the same in the sum (3CosAdd).
  const query = new Float64Array(table.dim);
  for (let j = 0; j < table.dim; j++) query[j] = va[j] - vb[j] + vc[j];
  return nearestToVector(table, query, { k, exclude: [a, b, c, ...exclude] });
}
