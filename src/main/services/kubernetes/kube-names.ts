/** Compose names as Kubernetes names: DNS-1123 labels (lower case letters, digits, '-'; at most 63 characters). */

const MAX_LABEL = 63;

/** A DNS-1123 label for `name`; Service names must also start with a letter, so those get an `s-` prefix then. */
export function dnsLabel(name: string, options: { startWithLetter?: boolean } = {}): string {
  let label = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!label) label = 'x';
  if (options.startWithLetter && !/^[a-z]/.test(label)) label = `s-${label}`;
  return label.slice(0, MAX_LABEL).replace(/-+$/, '');
}

/** A key of a ConfigMap's or Secret's data: letters, digits, '-', '_' and '.'. */
export function dataKey(name: string): string {
  return name.replace(/[^-._a-zA-Z0-9]+/g, '_') || '_';
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Whether a Compose label can be a Kubernetes label (else it becomes an annotation). */
export function isValidLabel(key: string, value: string): boolean {
  const name = key.includes('/') ? key.slice(key.lastIndexOf('/') + 1) : key;
  const prefix = key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : '';
  return (
    LABEL_KEY.test(key) &&
    name.length <= MAX_LABEL &&
    prefix.length <= 253 &&
    value.length <= MAX_LABEL &&
    LABEL_VALUE.test(value)
  );
}
