/**
 * Keeps build-secret values out of everything Berth shows or keeps: a value the session handed to the daemon is
 * masked wherever it turns up later (a step's output, an error message). Values live only in this object's memory.
 */
const MASK = '****';
/** Shorter values would mask ordinary words and numbers. */
const MIN_LENGTH = 4;

export class SecretRedactor {
  private readonly values = new Set<string>();

  add(value: string | Buffer): void {
    const text = typeof value === 'string' ? value : value.toString('utf8');
    // Output is shown line by line: each line of a multi-line value (a key file) is masked on its own too.
    for (const candidate of [text, text.trim(), ...text.split(/\r?\n/).map((line) => line.trim())]) {
      if (candidate.length >= MIN_LENGTH) this.values.add(candidate);
    }
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so a value containing another is masked whole.
    for (const value of [...this.values].sort((a, b) => b.length - a.length)) result = result.split(value).join(MASK);
    return result;
  }
}
