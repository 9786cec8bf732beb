/** The last lines a container printed, for "why did it stop" (a traceback, "Killed", the last progress line). */
import type Docker from 'dockerode';
import { FrameDemuxer } from '../logs/frame-demuxer';

const MAX_LINE_CHARS = 300;

export async function lastLogLines(docker: Docker, id: string, tty: boolean, count = 5): Promise<string[]> {
  const raw = (await docker
    .getContainer(id)
    .logs({ stdout: true, stderr: true, tail: count, follow: false })) as unknown as Buffer;
  let text = '';
  if (tty) text = raw.toString('utf8');
  else new FrameDemuxer((_stream, payload) => (text += payload.toString('utf8'))).push(raw);
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, '').trimEnd())
    .filter((line) => line.length > 0)
    .slice(-count)
    .map((line) => (line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1)}…` : line));
}
