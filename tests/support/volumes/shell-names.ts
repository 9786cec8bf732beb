/**
 * Names as raw bytes inside test shell scripts: `nameVar('n', bytes)` sets $n to exactly those bytes (each spelled
 * in octal for printf; the trailing "." keeps trailing newlines that `$(…)` strips). Independent of Berth's own
 * encoding on purpose, so the tests check the volume with a second opinion.
 */
export function nameVar(variable: string, name: Buffer | string): string {
  const bytes = typeof name === 'string' ? Buffer.from(name) : name;
  const format = [...bytes].map((byte) => `\\${byte.toString(8).padStart(3, '0')}`).join('');
  return `${variable}=$(printf '${format}.'); ${variable}=\${${variable}%.}`;
}
