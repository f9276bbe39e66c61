/** The TensorFlow Embedding Projector's TSV files, compared exactly. */
import { describe, expect, test } from 'vitest';
import { projectorCell, projectorMetadataTsv, projectorVectorsTsv, vectorTable } from '../../src/embedding';

describe('projectorVectorsTsv', () => {
  test('one line per row, tab-separated, no header, newline-terminated', () => {
    const table = vectorTable(Float32Array.from([0.5, -1, 1 / 3, 1e-7, 2, 123456.789]), 3);
    expect(projectorVectorsTsv(table)).toBe('0.5\t-1\t0.333333\n1e-7\t2\t123457\n');
  });

  test('honours the precision', () => {
    const table = vectorTable(Float32Array.from([1 / 3, 2 / 3]), 2);
    expect(projectorVectorsTsv(table, { precision: 3 })).toBe('0.333\t0.667\n');
  });

  test('refuses non-finite numbers instead of writing them', () => {
    expect(() => projectorVectorsTsv(vectorTable(Float32Array.from([1, NaN]), 2))).toThrow(RangeError);
  });

  test('an empty table is an empty file', () => {
    expect(projectorVectorsTsv(vectorTable(new Float32Array(0), 4))).toBe('');
  });
});

describe('projectorMetadataTsv', () => {
  test('a single column: one word per line and no header', () => {
    expect(projectorMetadataTsv(['the', 'cat', 'sat'])).toBe('the\ncat\nsat\n');
  });

  test('tabs and line breaks inside words become spaces; empty words a placeholder', () => {
    expect(projectorMetadataTsv(['a\tb', 'line\nbreak', 'cr\r\nlf', '', 'ok'])).toBe(
      'a b\nline break\ncr  lf\n<empty>\nok\n',
    );
    expect(projectorMetadataTsv([''], { emptyLabel: '[pad]' })).toBe('[pad]\n');
  });

  test('extra columns add a header line', () => {
    const tsv = projectorMetadataTsv(['the', 'cat'], { columns: { count: [120, 3], topic: ['-', 'pets'] } });
    expect(tsv).toBe('word\tcount\ttopic\nthe\t120\t-\ncat\t3\tpets\n');
    expect(projectorMetadataTsv(['x'], { columns: { n: [1] }, labelHeader: 'token' })).toBe('token\tn\nx\t1\n');
  });

  test('a column of the wrong length is refused', () => {
    expect(() => projectorMetadataTsv(['a', 'b'], { columns: { n: [1] } })).toThrow(RangeError);
  });

  test('files for the same table have the same number of lines', () => {
    const words = ['<pad>', 'the', '', 'new\nline'];
    const vectors = projectorVectorsTsv(vectorTable(new Float32Array(8), 2));
    expect(projectorMetadataTsv(words).split('\n')).toHaveLength(vectors.split('\n').length);
  });
});

describe('projectorCell', () => {
  test('escapes one cell', () => {
    expect(projectorCell('x\ty')).toBe('x y');
    expect(projectorCell('')).toBe('<empty>');
    expect(projectorCell('', '?')).toBe('?');
  });
});
