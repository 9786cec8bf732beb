import { describe, expect, it } from 'vitest';
import { FrameDemuxer, type DockerStreamId } from '../../../src/main/services/logs/frame-demuxer';

function frame(stream: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

function collect(): { demuxer: FrameDemuxer; frames: Array<[DockerStreamId, string]> } {
  const frames: Array<[DockerStreamId, string]> = [];
  return { demuxer: new FrameDemuxer((stream, payload) => frames.push([stream, payload.toString('hex')])), frames };
}

describe('FrameDemuxer', () => {
  const payloads = [Buffer.from('hello\n'), Buffer.from([0, 1, 2, 255, 254, 10]), Buffer.alloc(0), Buffer.from('é€😀')];
  const stream = Buffer.concat(payloads.map((payload, index) => frame(index % 2 === 0 ? 1 : 2, payload)));
  const expected = payloads.map((payload, index) => [index % 2 === 0 ? 1 : 2, payload.toString('hex')]);

  it('splits whole frames, binary-safe, with their stream ids', () => {
    const { demuxer, frames } = collect();
    demuxer.push(stream);
    expect(frames).toEqual(expected);
    expect(demuxer.bufferedBytes).toBe(0);
  });

  it('gives the same frames however the bytes are cut into chunks', () => {
    for (let size = 1; size <= stream.length; size++) {
      const { demuxer, frames } = collect();
      for (let offset = 0; offset < stream.length; offset += size) demuxer.push(stream.subarray(offset, offset + size));
      expect(frames, `chunk size ${size}`).toEqual(expected);
    }
  });

  it('holds back an incomplete header or payload', () => {
    const { demuxer, frames } = collect();
    demuxer.push(frame(1, Buffer.from('abc')).subarray(0, 9));
    expect(frames).toEqual([]);
    expect(demuxer.bufferedBytes).toBe(9);
  });
});
