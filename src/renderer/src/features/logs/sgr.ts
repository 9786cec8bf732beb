/** Text attributes set by ANSI SGR escapes (`ESC [ … m`). Colors are palette indexes (0–255) or `#rrggbb`. */
export interface SgrStyle {
  fg?: number | string;
  bg?: number | string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

export interface SgrSpan {
  text: string;
  style: SgrStyle | null;
}

const ESCAPE = '\u001b';
// CSI (ESC [ params final), OSC (ESC ] … BEL or ESC \), or any other two-byte escape: matching them is the point.
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b(?:\[([0-?]*)[ -/]*([@-~])|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_]?)/g;

/** Splits a line into styled spans; escapes other than SGR are dropped. Never produces HTML. */
export function parseSgr(line: string): SgrSpan[] {
  if (!line.includes(ESCAPE)) return [{ text: line, style: null }];
  const spans: SgrSpan[] = [];
  let style: SgrStyle = {};
  let last = 0;
  for (const match of line.matchAll(ESCAPE_SEQUENCE)) {
    if (match.index > last) spans.push({ text: line.slice(last, match.index), style: styleOrNull(style) });
    last = match.index + match[0].length;
    if (match[2] === 'm') style = applySgr(style, match[1] ?? '');
  }
  if (last < line.length) spans.push({ text: line.slice(last), style: styleOrNull(style) });
  return spans;
}

/** The line without any escape sequence: what search, filters, copy and download see. */
export function stripEscapes(line: string): string {
  return line.includes(ESCAPE) ? line.replace(ESCAPE_SEQUENCE, '') : line;
}

function styleOrNull(style: SgrStyle): SgrStyle | null {
  return Object.keys(style).length === 0 ? null : style;
}

function applySgr(current: SgrStyle, params: string): SgrStyle {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((code) => Number(code) || 0);
  let style: SgrStyle = { ...current };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code === 0) style = {};
    else if (code === 1) style.bold = true;
    else if (code === 2) style.dim = true;
    else if (code === 3) style.italic = true;
    else if (code === 4) style.underline = true;
    else if (code === 7) style.inverse = true;
    else if (code === 22) {
      delete style.bold;
      delete style.dim;
    } else if (code === 23) delete style.italic;
    else if (code === 24) delete style.underline;
    else if (code === 27) delete style.inverse;
    else if (code >= 30 && code <= 37) style.fg = code - 30;
    else if (code >= 90 && code <= 97) style.fg = code - 90 + 8;
    else if (code === 39) delete style.fg;
    else if (code >= 40 && code <= 47) style.bg = code - 40;
    else if (code >= 100 && code <= 107) style.bg = code - 100 + 8;
    else if (code === 49) delete style.bg;
    else if (code === 38 || code === 48) {
      const [color, used] = extendedColor(codes, i + 1);
      if (color !== undefined) style[code === 38 ? 'fg' : 'bg'] = color;
      i += used;
    }
  }
  return style;
}

/** `5;n` (256-color palette) or `2;r;g;b` (true color) after 38/48; returns the color and the codes it used. */
function extendedColor(codes: number[], at: number): [number | string | undefined, number] {
  if (codes[at] === 5) return [clamp(codes[at + 1] ?? 0), 2];
  if (codes[at] === 2) {
    const hex = [codes[at + 1], codes[at + 2], codes[at + 3]].map((part) =>
      clamp(part ?? 0)
        .toString(16)
        .padStart(2, '0'),
    );
    return [`#${hex.join('')}`, 4];
  }
  return [undefined, 0];
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, value));
}

const CUBE_LEVELS = [0, 95, 135, 175, 215, 255];

/** CSS color for a palette index: the 16 theme colors as variables, the 6×6×6 cube and the grays computed. */
export function paletteColor(index: number): string {
  if (index < 16) return `var(--ansi-${index})`;
  if (index >= 232) {
    const level = 8 + (index - 232) * 10;
    return `rgb(${level}, ${level}, ${level})`;
  }
  const cube = index - 16;
  return `rgb(${CUBE_LEVELS[Math.floor(cube / 36)]}, ${CUBE_LEVELS[Math.floor(cube / 6) % 6]}, ${CUBE_LEVELS[cube % 6]})`;
}
