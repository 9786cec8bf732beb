const KEY_LINE = (key: string) => new RegExp(`^\\s*(?:export\\s+)?${key}\\s*=.*$`, 'm');

/**
 * Sets one `KEY=value` in .env text, keeping every other line (comments included) as it was:
 * replaces the first assignment of KEY, or appends one.
 */
export function setDotenvValue(text: string, key: string, value: string): string {
  const line = `${key}=${value}`;
  if (KEY_LINE(key).test(text)) return text.replace(KEY_LINE(key), line);
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  return `${text}${separator}${line}\n`;
}
