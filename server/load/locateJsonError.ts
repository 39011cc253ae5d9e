// Finds where a JSON text stops being valid, as line and column, with a short reason.
// JSON.parse's own messages vary between V8 versions and often omit the position, so
// when it fails we rescan the text with this small strict scanner to point at the spot.
export interface JsonSyntaxLocation {
  line: number;
  column: number;
  message: string;
}

class JsonScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Scans `text` as JSON; returns null when it is valid, else the first error's location. */
export function locateJsonError(text: string): JsonSyntaxLocation | null {
  let pos = 0;
  const describe = (): string => (pos >= text.length ? 'the end of the file' : `${JSON.stringify(text[pos])}`);
  const fail = (expected: string): never => {
    throw new JsonScanError(pos, `expected ${expected} but found ${describe()}`);
  };
  const skipWhitespace = () => {
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t' || text[pos] === '\n' || text[pos] === '\r'))
      pos++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, pos)) pos += word.length;
    else fail('a value');
  };
  const string = () => {
    pos++; // opening quote
    while (pos < text.length) {
      const ch = text[pos];
      if (ch === '"') {
        pos++;
        return;
      }
      if (ch === '\\') {
        const next = text[pos + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
            pos += 2;
            fail('four hex digits after \\u');
          }
          pos += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) pos += 2;
        else {
          pos++;
          fail('a valid escape character');
        }
      } else if (ch < ' ') fail('no control characters inside a string (escape them)');
      else pos++;
    }
    fail('a closing quote');
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!match || match[0] === '-') fail('a value');
    pos += match![0].length;
  };
  const scalar = () => {
    const ch = text[pos];
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    fail('a value');
  };
  const propertyName = () => {
    skipWhitespace();
    if (text[pos] !== '"') fail('a property name in double quotes');
    string();
    skipWhitespace();
    if (text[pos] !== ':') fail("':' after the property name");
    pos++;
  };
  // One value, containers included, with an explicit stack of the open containers: a
  // file nested a hundred thousand levels deep must get its line and column, not a
  // stack overflow.
  const value = (): void => {
    const open: Array<'{' | '['> = [];
    for (;;) {
      skipWhitespace();
      const ch = text[pos];
      if (ch === '{' || ch === '[') {
        pos++;
        skipWhitespace();
        if (text[pos] === (ch === '{' ? '}' : ']')) pos++;
        else {
          open.push(ch);
          if (ch === '{') propertyName();
          continue;
        }
      } else scalar();
      // A value is complete: close the containers it completes, or go on to the next member.
      for (;;) {
        if (open.length === 0) return;
        const container = open[open.length - 1];
        skipWhitespace();
        if (text[pos] === ',') {
          pos++;
          if (container === '{') propertyName();
          break;
        }
        if (text[pos] === (container === '{' ? '}' : ']')) {
          pos++;
          open.pop();
          continue;
        }
        fail(container === '{' ? "',' or '}' after the property value" : "',' or ']' after the array element");
      }
    }
  };

  try {
    if (text.charCodeAt(0) === 0xfeff) pos = 1;
    value();
    skipWhitespace();
    if (pos < text.length) fail('the end of the file');
    return null;
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error;
    let line = 1;
    let lineStart = 0;
    for (
      let newline = text.indexOf('\n');
      newline !== -1 && newline < error.offset;
      newline = text.indexOf('\n', newline + 1)
    ) {
      line++;
      lineStart = newline + 1;
    }
    const column = error.offset - lineStart + 1;
    return { line, column, message: `malformed JSON: ${error.message}` };
  }
}
