/** `--tail=5` → [`--tail`, `5`]; anything else → [arg, undefined] (the value, if any, is the next argument). */
export function splitInlineValue(arg: string): [name: string, inline: string | undefined] {
  if (!arg.startsWith('--') || !arg.includes('=')) return [arg, undefined];
  const equals = arg.indexOf('=');
  return [arg.slice(0, equals), arg.slice(equals + 1)];
}
