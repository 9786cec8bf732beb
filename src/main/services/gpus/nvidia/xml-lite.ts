/**
 * A small XML reader for `nvidia-smi -q -x`: elements, attributes, text and the five predefined entities.
 * It skips the prolog, DOCTYPE, comments and processing instructions, and reads CDATA as text. It never fetches
 * the DTD, and it is not a general XML parser: no namespaces, no custom entities, no validation.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside this element, trimmed. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    attributes[match[1]!] = decode(match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/** Throws a plain Error on malformed input; callers wrap it with context. */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const texts: string[][] = [[]];
  let position = 0;

  const skipPast = (terminator: string): void => {
    const end = source.indexOf(terminator, position);
    if (end < 0) throw new Error(`unterminated markup at offset ${position}`);
    position = end + terminator.length;
  };

  while (position < source.length) {
    const open = source.indexOf('<', position);
    if (open < 0) {
      texts[texts.length - 1]!.push(source.slice(position));
      break;
    }
    if (open > position) texts[texts.length - 1]!.push(source.slice(position, open));
    position = open;
    if (source.startsWith('<!--', position)) skipPast('-->');
    else if (source.startsWith('<?', position)) skipPast('?>');
    else if (source.startsWith('<![CDATA[', position)) {
      const end = source.indexOf(']]>', position);
      if (end < 0) throw new Error(`unterminated CDATA at offset ${position}`);
      // CDATA is literal: mark it so decode() leaves it alone.
      texts[texts.length - 1]!.push(source.slice(position + 9, end).replace(/&/g, '&amp;'));
      position = end + 3;
    } else if (source.startsWith('<!', position)) skipDeclaration();
    else if (source.startsWith('</', position)) closeElement();
    else openElement();
  }
  if (stack.length !== 1) throw new Error(`unclosed element <${stack[stack.length - 1]!.name}>`);
  const [documentElement] = root.children;
  if (!documentElement) throw new Error('no root element');
  return documentElement;

  function skipDeclaration(): void {
    // <!DOCTYPE …> may hold an internal subset in brackets.
    let depth = 0;
    for (let index = position + 2; index < source.length; index++) {
      const char = source[index];
      if (char === '[') depth++;
      else if (char === ']') depth--;
      else if (char === '>' && depth <= 0) {
        position = index + 1;
        return;
      }
    }
    throw new Error('unterminated declaration');
  }

  function openElement(): void {
    const end = source.indexOf('>', position);
    if (end < 0) throw new Error(`unterminated tag at offset ${position}`);
    const body = source.slice(position + 1, end);
    const selfClosing = body.endsWith('/');
    const tag = (selfClosing ? body.slice(0, -1) : body).trim();
    const nameMatch = /^[^\s/>]+/.exec(tag);
    if (!nameMatch) throw new Error(`empty tag at offset ${position}`);
    const element: XmlElement = {
      name: nameMatch[0],
      attributes: parseAttributes(tag.slice(nameMatch[0].length)),
      children: [],
      text: '',
    };
    stack[stack.length - 1]!.children.push(element);
    position = end + 1;
    if (!selfClosing) {
      stack.push(element);
      texts.push([]);
    }
  }

  function closeElement(): void {
    const end = source.indexOf('>', position);
    if (end < 0) throw new Error(`unterminated closing tag at offset ${position}`);
    const name = source.slice(position + 2, end).trim();
    const element = stack.pop();
    const text = texts.pop();
    if (!element || element === root || element.name !== name) {
      throw new Error(`mismatched </${name}> at offset ${position}`);
    }
    element.text = decode(text!.join('')).trim();
    position = end + 1;
  }
}

export function childElement(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((child) => child.name === name);
}

export function childElements(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((child) => child.name === name) ?? [];
}

/** Text at a `/`-separated path of child names; undefined when any step is missing. */
export function textAt(element: XmlElement | undefined, path: string): string | undefined {
  let current = element;
  for (const step of path.split('/')) current = childElement(current, step);
  return current?.text;
}
