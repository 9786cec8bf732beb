/**
 * Compose's variable substitution for one string: `$$`, `$VAR`, `${VAR}` and the six
 * modifiers `:-` `-` `:?` `?` `:+` `+`, whose argument may itself hold substitutions.
 * Mirrors compose-go's template package (v2.4.8) behaviour, including its quirks:
 * a modifier's argument is substituted even when it is not used, and an unknown `$x` is kept as is.
 */

/** Returns the variable's value, or undefined when it is not set at all. */
export type VariableLookup = (name: string) => string | undefined;

export class InvalidTemplateError extends Error {
  constructor(readonly template: string) {
    super(`Invalid template: ${JSON.stringify(template)}`);
  }
}

export class MissingRequiredVariableError extends Error {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(
      reason === ''
        ? `required variable ${variable} is missing a value`
        : `required variable ${variable} is missing a value: ${reason}`,
    );
  }
}

export interface SubstitutionOptions {
  /** Called once per `$VAR` / `${VAR}` that is not set (Compose warns and uses ''). */
  onUnset?: (name: string) => void;
}

const UNBRACED_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;
// Greedy like compose-go's pattern: the argument runs to the last `}` on the line; the balanced end is found afterwards.
const BRACED = /^\$\{([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[-+?])(.*))?\}/;

type Modifier = ':-' | '-' | ':?' | '?' | ':+' | '+';

export function substitute(template: string, lookup: VariableLookup, options: SubstitutionOptions = {}): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar === -1) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, dollar);
    const next = template[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next === '{') {
      const { value, end } = substituteBraced(template, dollar, lookup, options);
      out += value;
      i = end;
    } else {
      const name = UNBRACED_NAME.exec(template.slice(dollar + 1))?.[0];
      if (name === undefined) {
        out += '$';
        i = dollar + 1;
      } else {
        out += lookupOrBlank(name, lookup, options);
        i = dollar + 1 + name.length;
      }
    }
  }
  return out;
}

function substituteBraced(
  template: string,
  start: number,
  lookup: VariableLookup,
  options: SubstitutionOptions,
): { value: string; end: number } {
  const greedy = BRACED.exec(template.slice(start));
  if (greedy === null) throw new InvalidTemplateError(template);
  const matched = greedy[0];
  const closing = balancedClosingBrace(matched);
  const expression = closing === -1 ? matched : matched.slice(0, closing + 1);
  const rest = closing === -1 ? '' : matched.slice(closing + 1);
  const parts = BRACED.exec(expression);
  if (parts === null) throw new InvalidTemplateError(template);
  const [, name, modifier, argument] = parts as unknown as [string, string, Modifier | undefined, string | undefined];
  const end = start + matched.length;
  if (modifier === undefined) return { value: lookupOrBlank(name, lookup, options), end };
  const resolved = applyModifier(name, modifier, argument ?? '', lookup, options);
  return { value: resolved + substitute(rest, lookup, options), end };
}

function applyModifier(
  name: string,
  modifier: Modifier,
  argument: string,
  lookup: VariableLookup,
  options: SubstitutionOptions,
): string {
  const expandedArgument = substitute(argument, lookup, options);
  const value = lookup(name);
  const isSet = value !== undefined;
  const isNonEmpty = isSet && value !== '';
  switch (modifier) {
    case ':-':
      return isNonEmpty ? value : expandedArgument;
    case '-':
      return isSet ? value : expandedArgument;
    case ':+':
      return isNonEmpty ? expandedArgument : (value ?? '');
    case '+':
      return isSet ? expandedArgument : '';
    case ':?':
      if (!isNonEmpty) throw new MissingRequiredVariableError(name, expandedArgument);
      return value;
    case '?':
      if (!isSet) throw new MissingRequiredVariableError(name, expandedArgument);
      return value;
  }
}

/** Index of the `}` closing the first `{`, counted the way compose-go does (the character after each `{` is skipped). */
function balancedClosingBrace(text: string): number {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '}') {
      open--;
      if (open === 0) return i;
    }
    if (text[i] === '{') {
      open++;
      i++;
    }
  }
  return -1;
}

function lookupOrBlank(name: string, lookup: VariableLookup, options: SubstitutionOptions): string {
  const value = lookup(name);
  if (value === undefined) {
    options.onUnset?.(name);
    return '';
  }
  return value;
}
