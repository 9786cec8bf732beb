/**
 * Which Dockerfile line a BuildKit step comes from. BuildKit names a step `[stage k/n] INSTRUCTION`, counting in
 * each stage only the instructions that become build operations (FROM an image, RUN, COPY, ADD, WORKDIR); this reads
 * the Dockerfile's instructions (escape directive, continuation lines, comments, heredocs) with their line numbers
 * and finds the one a step name points at.
 */

export interface DockerfileInstruction {
  /** 1-based line of the instruction's first line. */
  line: number;
  /** Upper-case keyword: RUN, COPY, FROM… */
  keyword: string;
  /** The instruction as written, continuation lines joined with a space. */
  text: string;
}

export interface DockerfileStage {
  /** The `AS` name, lower-cased as BuildKit does; undefined for an unnamed stage. */
  name?: string;
  /** From the stage's FROM on. */
  instructions: DockerfileInstruction[];
}

const OPERATION_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

export function parseDockerfile(content: string): DockerfileStage[] {
  const lines = content.split(/\r?\n/);
  const escape = escapeDirective(lines);
  const stages: DockerfileStage[] = [];
  for (let index = 0; index < lines.length; index++) {
    const first = lines[index]!.trim();
    if (first === '' || first.startsWith('#')) continue;
    const start = index;
    let text = first;
    // Continuation lines: the escape character ends the line; comment and blank lines inside are skipped.
    while (text.endsWith(escape) && index + 1 < lines.length) {
      text = text.slice(0, -escape.length).trimEnd();
      let next = lines[++index]!.trim();
      while ((next === '' || next.startsWith('#')) && index + 1 < lines.length) next = lines[++index]!.trim();
      text = `${text} ${next}`.trim();
    }
    index = skipHeredocs(text, lines, index);
    const keyword = (text.match(/^(\S+)/)?.[1] ?? '').toUpperCase();
    const instruction = { line: start + 1, keyword, text };
    if (keyword === 'FROM') {
      const name = text.match(/\sAS\s+(\S+)\s*$/i)?.[1]?.toLowerCase();
      stages.push({ ...(name ? { name } : {}), instructions: [instruction] });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return stages;
}

/** The instruction a step named `[stage k/n] TEXT` comes from, or undefined for steps of no instruction. */
export function instructionOfStep(stages: DockerfileStage[], stepName: string): DockerfileInstruction | undefined {
  const match = stepName.match(/^\[(?:([^\]]*?) )?(\d+)\/(\d+)\] (.*)$/s);
  if (!match) return undefined;
  // The prefix is `[platform] [stage]`; a platform has a slash, a stage name never does.
  const stageLabel = match[1]
    ?.split(' ')
    .filter((token) => !token.includes('/'))
    .at(-1)
    ?.toLowerCase();
  const position = Number(match[2]);
  const total = Number(match[3]);
  const text = match[4]!;
  const keyword = (text.match(/^(\S+)/)?.[1] ?? '').toUpperCase();
  const stageNames = new Set(stages.map((stage) => stage.name));
  const candidates = stages.filter((stage, index) =>
    stageLabel === undefined ? !stage.name : stage.name === stageLabel || stageLabel === `stage-${index}`,
  );
  let fallback: DockerfileInstruction | undefined;
  for (const stage of candidates) {
    const operations = operationsOf(stage, stageNames);
    const candidate = operations[position - 1];
    if (operations.length !== total || candidate?.keyword !== keyword) continue;
    if (sameText(candidate.text, text)) return candidate;
    fallback ??= candidate;
  }
  return fallback;
}

/** The instructions BuildKit counts as `k/n` in a stage: FROM an image (not another stage), then the operations. */
function operationsOf(stage: DockerfileStage, stageNames: Set<string | undefined>): DockerfileInstruction[] {
  const [from, ...rest] = stage.instructions;
  const base = from?.text
    .split(/\s+/)
    .find((word, index) => index > 0 && !word.startsWith('--'))
    ?.toLowerCase();
  const fromImage = from && base !== undefined && !stageNames.has(base) && !/^\d+$/.test(base) ? [from] : [];
  return [...fromImage, ...rest.filter((instruction) => OPERATION_KEYWORDS.has(instruction.keyword))];
}

/** BuildKit prints the instruction with build args expanded; compare what is left when variables are ignored. */
function sameText(written: string, shown: string): boolean {
  const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
  if (normalize(written) === normalize(shown)) return true;
  const pattern = normalize(written)
    .split(/\$\{?[A-Za-z_][A-Za-z0-9_]*(?::?[-+][^}]*)?\}?/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`, 's').test(normalize(shown));
}

function escapeDirective(lines: string[]): string {
  for (const line of lines) {
    const directive = line.match(/^#\s*([a-z]+)\s*=\s*(\S+)\s*$/i);
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape') return directive[2]!;
  }
  return '\\';
}

/** `RUN <<EOF` … `EOF`: the heredoc's lines belong to the instruction. Returns the index of its last line. */
function skipHeredocs(text: string, lines: string[], index: number): number {
  let last = index;
  for (const heredoc of text.matchAll(/<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g)) {
    const strip = heredoc[1] === '-';
    const delimiter = heredoc[3]!;
    while (last + 1 < lines.length) {
      const line = lines[++last]!;
      if ((strip ? line.replace(/^\t+/, '') : line) === delimiter) break;
    }
  }
  return last;
}
