import { describe, expect, it } from 'vitest';
import { instructionOfStep, parseDockerfile } from '../../../src/main/services/build/timeline/dockerfile-steps';

const DOCKERFILE = `# syntax=docker/dockerfile:1
ARG BASE=berth-test-busybox
FROM \${BASE} AS base
WORKDIR /app
ENV A=1
# a comment between instructions
RUN apk add \\
    # comment inside a continuation
    curl \\
    git
COPY . .

FROM base AS test
ARG VERSION
RUN echo "version $VERSION"

FROM berth-test-busybox
COPY --from=base /app /app
RUN <<EOF
echo heredoc
EOF
RUN echo last
`;

describe('Dockerfile steps', () => {
  const stages = parseDockerfile(DOCKERFILE);

  it('reads stages, their names and instructions with first-line numbers', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['base', 'test', undefined]);
    expect(stages[0]!.instructions.map((i) => [i.keyword, i.line])).toEqual([
      ['FROM', 3],
      ['WORKDIR', 4],
      ['ENV', 5],
      ['RUN', 7],
      ['COPY', 11],
    ]);
    expect(stages[0]!.instructions[3]!.text).toBe('RUN apk add curl git');
    expect(stages[2]!.instructions.map((i) => i.line)).toEqual([17, 18, 19, 22]);
  });

  it('finds the instruction of a step by stage and position, counting only build operations', () => {
    expect(instructionOfStep(stages, '[base 3/4] RUN apk add curl git')?.line).toBe(7);
    expect(instructionOfStep(stages, '[base 1/4] FROM docker.io/library/berth-test-busybox')?.line).toBe(3);
    // `FROM base` is no operation of its own; the RUN shows the build arg expanded.
    expect(instructionOfStep(stages, '[test 1/1] RUN echo "version 1.2"')?.line).toBe(15);
    // The unnamed stage: steps have no stage label (newer BuildKit says stage-N).
    expect(instructionOfStep(stages, '[stage-2 4/4] RUN echo last')?.line).toBe(22);
    expect(instructionOfStep(stages, '[4/4] RUN echo last')?.line).toBe(22);
    expect(instructionOfStep(stages, '[linux/amd64 base 4/4] COPY . .')?.line).toBe(11);
  });

  it('leaves steps that are no instruction alone', () => {
    expect(instructionOfStep(stages, '[internal] load build context')).toBeUndefined();
    expect(instructionOfStep(stages, 'exporting to image')).toBeUndefined();
    expect(instructionOfStep(stages, '[nosuchstage 1/1] RUN x')).toBeUndefined();
  });

  it('honours the escape directive', () => {
    const windows = parseDockerfile('# escape=`\nFROM busybox\nRUN echo a `\n  b\n');
    expect(windows[0]!.instructions[1]).toEqual({ line: 3, keyword: 'RUN', text: 'RUN echo a b' });
  });
});
