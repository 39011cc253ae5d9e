// The text COPY sends and reads (PostgreSQL's text format) and the records-file layouts
// db export writes back: literal examples, and a round trip through a real table of text
// holding every character the format escapes.
import pg from 'pg';
import { parseCopyField, copyOut } from '../../../../server/store/postgres/copyOut';
import { copyField, copyRows } from '../../../../server/store/postgres/copyRows';
import { detectRecordFileFormat, formatRecordFile } from '../../../../server/store/postgres/recordFileLayout';
import { freshDatabase } from '../../../postgres/freshDatabase';

const records = [{ id: 'a', name: 'Ann' }, { id: 'b' }];

describe('record file layouts', () => {
  it.each([
    ['[\n  {\n    "id": "a",\n    "name": "Ann"\n  },\n  {\n    "id": "b"\n  }\n]\n', 'indented', true],
    ['[\n  {\n    "id": "a",\n    "name": "Ann"\n  },\n  {\n    "id": "b"\n  }\n]', 'indented', false],
    ['[\n{"id":"a","name":"Ann"},\n{"id":"b"}\n]\n', 'lines', true],
    ['[{"id":"a","name":"Ann"},{"id":"b"}]', 'compact', false],
  ] as const)('recognises %j and writes it back', (text, layout, finalNewline) => {
    const format = detectRecordFileFormat(text, JSON.parse(text));
    expect(format).toEqual({ layout, finalNewline });
    expect(formatRecordFile(format!, records)).toBe(text);
  });

  it('knows no layout for a file indented otherwise, or with keys in another order than parsed', () => {
    expect(detectRecordFileFormat(JSON.stringify(records, null, 4), records)).toBeUndefined();
    expect(detectRecordFileFormat('[{"id":"a","name":"Ann"}, {"id":"b"}]', records)).toBeUndefined();
    expect(formatRecordFile({ layout: 'lines', finalNewline: true }, [])).toBe('[]\n');
  });
});

describe('COPY text format', () => {
  it('escapes backslashes, tabs and line ends, and NULL as \\N', () => {
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect([copyField(null), copyField(undefined), copyField(3), copyField(true)]).toEqual(['\\N', '\\N', '3', 'true']);
    expect(copyField(Buffer.from([0, 255]))).toBe('\\\\x00ff');
    expect(parseCopyField('a\\tb\\nc\\\\d\\re')).toBe('a\tb\nc\\d\re');
    expect(parseCopyField('\\N')).toBeNull();
  });

  it('round-trips text through a real table, in and out', async () => {
    const database = await freshDatabase('copy format');
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    try {
      await pool.query('CREATE TABLE t (n integer, s text, b bytea)');
      const texts = ['plain', 'tab\there', 'line\nbreak\r\n', 'back\\slash \\N', 'é ünïcödé 🌍', ''];
      const connection = await pool.connect();
      try {
        const rows = texts.map((s, n) => [n, s, Buffer.from(s)] as const);
        expect(await copyRows(connection, 't', ['n', 's', 'b'], [...rows, [99, null, null]])).toBe(7);
        const back: Array<Array<string | null>> = [];
        await copyOut(connection, 'SELECT n, s FROM t ORDER BY n', (fields) => back.push(fields));
        expect(back).toEqual([...texts.map((s, n) => [String(n), s]), ['99', null]]);
      } finally {
        connection.release();
      }
      const bytes = await pool.query('SELECT b FROM t WHERE n = 4');
      expect((bytes.rows[0].b as Buffer).toString()).toBe('é ünïcödé 🌍');
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
