/**
 * Splits a string `command:` / `entrypoint:` the way Compose does (mattn/go-shellwords v1.0.12, no env, no backticks):
 * quotes group words, a backslash escapes the next character outside single quotes, and an unquoted
 * `;` `&` `|` `<` `>` ends the command (the rest is dropped, not an error).
 */
export class ShellWordsError extends Error {
  constructor() {
    super('invalid command line string');
  }
}

const WORD_SEPARATORS = new Set([' ', '\t', '\r', '\n']);
const COMMAND_TERMINATORS = new Set([';', '&', '|', '<', '>']);

export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  let buffer = '';
  let hasWord = false;
  let escaped = false;
  let doubleQuoted = false;
  let singleQuoted = false;
  let backQuoted = false;
  let dollarQuoted = false;

  for (const char of line) {
    if (escaped) {
      buffer += char;
      escaped = false;
      hasWord = true;
      continue;
    }
    if (char === '\\') {
      if (singleQuoted) buffer += char;
      else escaped = true;
      continue;
    }
    if (WORD_SEPARATORS.has(char)) {
      if (singleQuoted || doubleQuoted || backQuoted || dollarQuoted) {
        buffer += char;
      } else if (hasWord) {
        words.push(buffer);
        buffer = '';
        hasWord = false;
      }
      continue;
    }
    const quoted = singleQuoted || doubleQuoted;
    if (char === '`' && !quoted && !dollarQuoted) {
      backQuoted = !backQuoted;
    } else if (char === ')' && !quoted && !backQuoted) {
      dollarQuoted = !dollarQuoted;
    } else if (char === '(' && !quoted && !backQuoted) {
      if (dollarQuoted || !buffer.endsWith('$')) throw new ShellWordsError();
      dollarQuoted = true;
      buffer += char;
      continue;
    } else if (char === '"' && !singleQuoted && !dollarQuoted) {
      if (doubleQuoted) hasWord = true;
      doubleQuoted = !doubleQuoted;
      continue;
    } else if (char === "'" && !doubleQuoted && !dollarQuoted) {
      if (singleQuoted) hasWord = true;
      singleQuoted = !singleQuoted;
      continue;
    } else if (COMMAND_TERMINATORS.has(char) && !(quoted || backQuoted || dollarQuoted)) {
      if (char === '>' && /^[0-9]/.test(buffer)) hasWord = false;
      break;
    }
    hasWord = true;
    buffer += char;
  }
  if (hasWord) words.push(buffer);
  if (escaped || singleQuoted || doubleQuoted || backQuoted || dollarQuoted) throw new ShellWordsError();
  return words;
}
