import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/renderer/src/features/volumes/parse-csv';

describe('CSV preview parsing', () => {
  it('handles quotes, doubled quotes, newlines in quotes and CRLF', () => {
    expect(parseDelimited('a,"b ""q"", c"\r\n1,"two\nlines"\n', ',', 10, false)).toEqual([
      ['a', 'b "q", c'],
      ['1', 'two\nlines'],
    ]);
  });

  it('drops a row cut off by a truncated preview, keeps a last row without newline otherwise', () => {
    expect(parseDelimited('a,b\n1,2\n3,', ',', 10, true)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseDelimited('a,b\n1,2', ',', 10, false)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('parses TSV and stops at maxRows', () => {
    expect(parseDelimited('a\tb\n1\t2\n3\t4\n', '\t', 2, false)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
