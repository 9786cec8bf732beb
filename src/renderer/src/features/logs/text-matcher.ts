/** A compiled search or filter: plain text (case-insensitive) or a regular expression. */
export interface TextMatcher {
  test(text: string): boolean;
  /** [start, end) ranges of every match, for highlighting. */
  ranges(text: string): Array<[number, number]>;
}

export interface TextQuery {
  text: string;
  regex: boolean;
}

/** Null for an empty query; throws a readable error for an invalid regular expression. */
export function compileMatcher(query: TextQuery): TextMatcher | null {
  if (query.text === '') return null;
  const source = query.regex ? query.text : query.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'giu');
  } catch (error) {
    throw new Error(`Not a valid regular expression: ${(error as Error).message}`);
  }
  const single = new RegExp(source, 'iu');
  return {
    test: (text) => single.test(text),
    ranges(text) {
      const found: Array<[number, number]> = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        if (match[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        found.push([match.index, match.index + match[0].length]);
      }
      return found;
    },
  };
}
