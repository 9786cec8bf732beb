import { describe, expect, it } from 'vitest';
import { collapseCarriageReturns } from '../../../src/renderer/src/features/logs/carriage-return';
import { paletteColor, parseSgr, stripEscapes } from '../../../src/renderer/src/features/logs/sgr';
import { compileMatcher } from '../../../src/renderer/src/features/logs/text-matcher';

describe('ANSI SGR', () => {
  it('turns colors and attributes into styled spans', () => {
    expect(parseSgr('\u001b[1;31mERR\u001b[0m ok \u001b[38;5;208mx\u001b[48;2;0;128;255my\u001b[39;49m')).toEqual([
      { text: 'ERR', style: { bold: true, fg: 1 } },
      { text: ' ok ', style: null },
      { text: 'x', style: { fg: 208 } },
      { text: 'y', style: { fg: 208, bg: '#0080ff' } },
    ]);
  });

  it('drops escapes that are not SGR, and the plain text matches the spans', () => {
    const line = 'a\u001b[2Kb\u001b]0;title\u0007c\u001b[32md';
    expect(stripEscapes(line)).toBe('abcd');
    expect(
      parseSgr(line)
        .map((span) => span.text)
        .join(''),
    ).toBe('abcd');
  });

  it('maps the 256-color palette', () => {
    expect(paletteColor(1)).toBe('var(--ansi-1)');
    expect(paletteColor(196)).toBe('rgb(255, 0, 0)');
    expect(paletteColor(232)).toBe('rgb(8, 8, 8)');
  });
});

describe('carriage returns', () => {
  it('collapse a progress bar to its latest state, as a terminal shows it', () => {
    expect(collapseCarriageReturns(' 10%|#         |\r 55%|#####     |\r100%|##########|')).toBe('100%|##########|');
    expect(collapseCarriageReturns('downloading 1234 bytes\rdone')).toBe('doneloading 1234 bytes');
    expect(collapseCarriageReturns('50%\r')).toBe('50%');
  });
});

describe('text matchers', () => {
  it('match plain text case-insensitively and regular expressions, with ranges for highlighting', () => {
    expect(compileMatcher({ text: 'a.b', regex: false })?.test('A.B')).toBe(true);
    expect(compileMatcher({ text: 'a.b', regex: false })?.test('axb')).toBe(false);
    expect(compileMatcher({ text: 'l(o+)', regex: true })?.ranges('loo lo x')).toEqual([
      [0, 3],
      [4, 6],
    ]);
    expect(compileMatcher({ text: '', regex: true })).toBeNull();
    expect(() => compileMatcher({ text: '(', regex: true })).toThrow(/regular expression/);
  });
});
