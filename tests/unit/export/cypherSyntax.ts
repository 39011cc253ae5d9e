// Test helper: a small lexer that checks what cypher-shell needs from our script
// without a Neo4j server. Strings are single- or double-quoted with Cypher's escapes only
// and no raw line break; brackets balance and match; every statement ends with ';' (none
// inside brackets); outside strings and comments only ASCII identifiers, numbers and
// Cypher punctuation appear, and labels and relationship types are plain identifiers, so
// no backticks are needed and nothing from the data can escape its string.
export type CypherToken =
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'label'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'punctuation'; value: string };

export class CypherSyntaxError extends Error {}

const SAFE_IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
};
const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const PUNCTUATION = new Set([',', '.', '=', '+', '-', '>', '<', '*', ':']);

/** Returns the statements as token lists; throws CypherSyntaxError naming the line. */
export function checkCypherScript(script: string): CypherToken[][] {
  const statements: CypherToken[][] = [];
  let tokens: CypherToken[] = [];
  const open: string[] = [];
  let line = 1;
  let i = 0;
  const fail = (message: string): never => {
    throw new CypherSyntaxError(`line ${line}: ${message}`);
  };

  while (i < script.length) {
    const c = script[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '/' && script[i + 1] === '/') {
      while (i < script.length && script[i] !== '\n') i++;
    } else if (c === "'" || c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= script.length) fail('unterminated string');
        const d = script[i];
        if (d === c) break;
        if (d === '\n' || d === '\r') fail('line break inside a string');
        if (d === '\\') {
          const e = script[i + 1];
          if (e === 'u') {
            const hex = script.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(`invalid \\u escape "\\u${hex}"`);
            value += String.fromCharCode(parseInt(hex, 16));
            i += 6;
          } else if (e !== undefined && e in SIMPLE_ESCAPES) {
            value += SIMPLE_ESCAPES[e];
            i += 2;
          } else fail(`invalid escape "\\${e ?? ''}"`);
        } else {
          value += d;
          i++;
        }
      }
      i++;
      tokens.push({ kind: 'string', value });
    } else if (c in CLOSING) {
      open.push(c);
      tokens.push({ kind: 'punctuation', value: c });
      i++;
    } else if (c === ')' || c === ']' || c === '}') {
      const opener = open.pop();
      if (opener === undefined || CLOSING[opener] !== c)
        fail(`"${c}" does not close ${opener === undefined ? 'anything' : `"${opener}"`}`);
      tokens.push({ kind: 'punctuation', value: c });
      i++;
    } else if (c === ';') {
      if (open.length > 0) fail(`";" inside an open "${open[open.length - 1]}"`);
      if (tokens.length === 0) fail('empty statement');
      statements.push(tokens);
      tokens = [];
      i++;
    } else if (c === ':' && script[i + 1] !== undefined && !/[\s'"\[{0-9-]/.test(script[i + 1])) {
      // A label or relationship type: everything up to the next delimiter must be a plain identifier.
      const match = /^[^\s(){}\[\],;:'"]+/.exec(script.slice(i + 1))!;
      if (!SAFE_IDENTIFIER.test(match[0])) fail(`unsafe label or type "${match[0]}"`);
      tokens.push({ kind: 'label', value: match[0] });
      i += 1 + match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(script.slice(i))!;
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    } else if (/[0-9]/.test(c)) {
      const match = /^[0-9]+(?:\.[0-9]+)?(?:[eE]-?[0-9]+)?/.exec(script.slice(i))!;
      if (/^[A-Za-z_.]/.test(script.slice(i + match[0].length)))
        fail(`malformed number "${script.slice(i, i + match[0].length + 1)}"`);
      tokens.push({ kind: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if (PUNCTUATION.has(c)) {
      tokens.push({ kind: 'punctuation', value: c });
      i++;
    } else fail(`unexpected character "${c}" outside a string`);
  }
  if (open.length > 0) fail(`unclosed "${open[open.length - 1]}"`);
  if (tokens.length > 0) fail("the last statement does not end with ';'");
  return statements;
}

/** The string values given to `key:` in a statement, in order (e.g. every `claims: '...'`). */
export function stringValuesOf(statement: CypherToken[], key: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 2 < statement.length; i++) {
    const [k, colon, value] = [statement[i], statement[i + 1], statement[i + 2]];
    if (
      k.kind === 'word' &&
      k.value === key &&
      colon.kind === 'punctuation' &&
      colon.value === ':' &&
      value.kind === 'string'
    )
      values.push(value.value);
  }
  return values;
}
