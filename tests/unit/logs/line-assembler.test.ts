import { describe, expect, it } from 'vitest';
import { LineAssembler } from '../../../src/main/services/logs/line-assembler';

const T1 = '2024-05-01T10:00:00.000000001Z';
const T2 = '2024-05-01T10:00:00.000000002Z';

function makeAssembler() {
  const lines: Array<[string, string]> = [];
  return { assembler: new LineAssembler((time, text) => lines.push([time, text])), lines };
}

describe('LineAssembler', () => {
  it('splits a message into its timestamp and text', () => {
    const { assembler, lines } = makeAssembler();
    assembler.pushMessage(Buffer.from(`${T1} hello world\n`));
    expect(lines).toEqual([[T1, 'hello world']]);
  });

  it('joins a partial message with the next one of the same timestamp', () => {
    const { assembler, lines } = makeAssembler();
    assembler.pushMessage(Buffer.from(`${T1} first half `));
    assembler.pushMessage(Buffer.from(`${T1} second half\n`));
    expect(lines).toEqual([[T1, 'first half second half']]);
  });

  it('ends a partial line when the next message has a new timestamp (the newline the engine lost)', () => {
    const { assembler, lines } = makeAssembler();
    assembler.pushMessage(Buffer.from(`${T1} cut `));
    assembler.pushMessage(Buffer.from(`${T1} last part`));
    assembler.pushMessage(Buffer.from(`${T2} next\n`));
    expect(lines).toEqual([
      [T1, 'cut last part'],
      [T2, 'next'],
    ]);
  });

  it('decodes a UTF-8 character split across two messages', () => {
    const bytes = Buffer.from('naïve 😀 done');
    const cut = bytes.indexOf(Buffer.from('😀')) + 2;
    const { assembler, lines } = makeAssembler();
    assembler.pushMessage(Buffer.concat([Buffer.from(`${T1} `), bytes.subarray(0, cut)]));
    assembler.pushMessage(Buffer.concat([Buffer.from(`${T1} `), bytes.subarray(cut), Buffer.from('\n')]));
    expect(lines).toEqual([[T1, 'naïve 😀 done']]);
  });

  it('splits raw TTY bytes on newlines anywhere in the chunks, CRLF included, keeping inner CRs', () => {
    const text = `${T1} 10%\r50%\r100%\r\n${T2} é\n`;
    const bytes = Buffer.from(text);
    for (let size = 1; size <= bytes.length; size++) {
      const { assembler, lines } = makeAssembler();
      for (let offset = 0; offset < bytes.length; offset += size)
        assembler.pushRaw(bytes.subarray(offset, offset + size));
      expect(lines, `chunk size ${size}`).toEqual([
        [T1, '10%\r50%\r100%'],
        [T2, 'é'],
      ]);
    }
  });

  it('hands on a last line without a newline at the end', () => {
    const { assembler, lines } = makeAssembler();
    assembler.pushMessage(Buffer.from(`${T1} no newline`));
    assembler.end();
    expect(lines).toEqual([[T1, 'no newline']]);
  });

  it('normalizes timestamps to nine fraction digits', () => {
    const { assembler, lines } = makeAssembler();
    assembler.pushMessage(Buffer.from('2024-05-01T12:00:00.5+02:00 x\n'));
    expect(lines).toEqual([['2024-05-01T10:00:00.500000000Z', 'x']]);
  });
});
