/** "1 line", "42 lines", "3 new lines": digits without grouping, as tools and tests read them back. */
export function countLines(count: number, adjective?: string): string {
  return `${count}${adjective ? ` ${adjective}` : ''} line${count === 1 ? '' : 's'}`;
}
