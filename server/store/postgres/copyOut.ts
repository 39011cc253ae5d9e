// Reading a query's rows with COPY … TO STDOUT (pg-copy-streams) in PostgreSQL's text
// format: one stream per table, split into rows and fields here, so a million claims come
// in as fast as the server sends them and never as a query per row.
import { StringDecoder } from 'node:string_decoder';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

const UNESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '\\': '\\' };

/** One field of COPY's text format; \N is null. */
export function parseCopyField(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_match, c: string) => UNESCAPES[c] ?? c);
}

/** Calls `onRow` with each row's fields of `SELECT …` (written without a trailing semicolon). */
export async function copyOut(
  client: pg.PoolClient,
  select: string,
  onRow: (fields: Array<string | null>) => void,
): Promise<void> {
  const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`));
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const take = (text: string) => {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      onRow(text.slice(start, newline).split('\t').map(parseCopyField));
      start = newline + 1;
    }
    rest = text.slice(start);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) take(rest + decoder.write(chunk));
  take(rest + decoder.end());
  if (rest !== '') throw new Error(`COPY of "${select}" ended in the middle of a row`);
}
