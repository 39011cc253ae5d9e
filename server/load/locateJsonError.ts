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
  try {
    new JsonScanner(text).document();
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

/** A small strict JSON scanner: it reads a text through and throws a JsonScanError where it first goes wrong. */
class JsonScanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  /** The whole text: an optional byte-order mark, one value, and nothing after it but whitespace. */
  document(): void {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.value();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail('the end of the file');
  }

  private describe(): string {
    return this.pos >= this.text.length ? 'the end of the file' : `${JSON.stringify(this.text[this.pos])}`;
  }

  private fail(expected: string): never {
    throw new JsonScanError(this.pos, `expected ${expected} but found ${this.describe()}`);
  }

  private skipWhitespace(): void {
    const text = this.text;
    while (
      this.pos < text.length &&
      (text[this.pos] === ' ' || text[this.pos] === '\t' || text[this.pos] === '\n' || text[this.pos] === '\r')
    )
      this.pos++;
  }

  private literal(word: string): void {
    if (this.text.startsWith(word, this.pos)) this.pos += word.length;
    else this.fail('a value');
  }

  private string(): void {
    const text = this.text;
    this.pos++; // opening quote
    while (this.pos < text.length) {
      const ch = text[this.pos];
      if (ch === '"') {
        this.pos++;
        return;
      }
      if (ch === '\\') {
        const next = text[this.pos + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.pos + 2, this.pos + 6))) {
            this.pos += 2;
            this.fail('four hex digits after \\u');
          }
          this.pos += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) this.pos += 2;
        else {
          this.pos++;
          this.fail('a valid escape character');
        }
      } else if (ch < ' ') this.fail('no control characters inside a string (escape them)');
      else this.pos++;
    }
    this.fail('a closing quote');
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match || match[0] === '-') this.fail('a value');
    this.pos += match![0].length;
  }

  private scalar(): void {
    const ch = this.text[this.pos];
    if (ch === '"') return this.string();
    if (ch === 't') return this.literal('true');
    if (ch === 'f') return this.literal('false');
    if (ch === 'n') return this.literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    this.fail('a value');
  }

  private propertyName(): void {
    this.skipWhitespace();
    if (this.text[this.pos] !== '"') this.fail('a property name in double quotes');
    this.string();
    this.skipWhitespace();
    if (this.text[this.pos] !== ':') this.fail("':' after the property name");
    this.pos++;
  }

  // One value, containers included, with an explicit stack of the open containers: a
  // file nested a hundred thousand levels deep must get its line and column, not a
  // stack overflow.
  private value(): void {
    const text = this.text;
    const open: Array<'{' | '['> = [];
    for (;;) {
      this.skipWhitespace();
      const ch = text[this.pos];
      if (ch === '{' || ch === '[') {
        this.pos++;
        this.skipWhitespace();
        if (text[this.pos] === (ch === '{' ? '}' : ']')) this.pos++;
        else {
          open.push(ch);
          if (ch === '{') this.propertyName();
          continue;
        }
      } else this.scalar();
      if (this.closeCompleted(open)) return;
    }
  }

  /** A value is complete: closes the containers it completes; true when none is left open, false before the next member. */
  private closeCompleted(open: Array<'{' | '['>): boolean {
    for (;;) {
      if (open.length === 0) return true;
      const container = open[open.length - 1];
      this.skipWhitespace();
      if (this.text[this.pos] === ',') {
        this.pos++;
        if (container === '{') this.propertyName();
        return false;
      }
      if (this.text[this.pos] === (container === '{' ? '}' : ']')) {
        this.pos++;
        open.pop();
        continue;
      }
      this.fail(container === '{' ? "',' or '}' after the property value" : "',' or ']' after the array element");
    }
  }
}
