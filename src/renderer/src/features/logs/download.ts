/** Saves `text` as a file through the browser's download (a Blob URL: no HTML is built from log text). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `name-2024-05-01T10-00-00.log`: safe on every file system. */
export function logFileName(name: string, now: Date = new Date()): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-') || 'logs';
  return `${safe}-${now.toISOString().slice(0, 19).replace(/:/g, '-')}.log`;
}
