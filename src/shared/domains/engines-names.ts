/** The `engines.*` operations and the stream kinds of this domain (names only: the preload imports this). */
export const ENGINES_OPERATION_NAMES = [
  'engines.list',
  'engines.add',
  'engines.test',
  'engines.acceptHostKey',
  'engines.switch',
  'engines.remove',
  'engines.openPort',
] as const;
export const ENGINES_STREAM_KINDS = [] as const;
