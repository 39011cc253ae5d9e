// The journal's promises: whole lines only, fsync before an append returns, a torn last
// line skipped and reported without losing an earlier entry, and cut off before the next
// append so that entry is not glued to it; any other broken line stops the load.
import fs from 'node:fs';
import path from 'node:path';
import { parseJournal, readJournal } from '../../../server/load/readJournal';
import { JournalWriter } from '../../../server/store/journal';
import type { RejectEntry } from '../../../server/model/journalEntries';
import { tempDataFolder } from './storeFixtures';

const reject = (proposal: string): RejectEntry => ({ kind: 'reject', at: '2024-01-01T00:00:00.000Z', proposal });
const line = (entry: RejectEntry) => `${JSON.stringify(entry)}\n`;

describe('parseJournal', () => {
  it('reads one entry per line', () => {
    const contents = parseJournal(Buffer.from(line(reject('a.p1')) + line(reject('a.p2'))));
    expect(contents.lines.map((l) => [l.line, l.entry])).toEqual([
      [1, reject('a.p1')],
      [2, reject('a.p2')],
    ]);
    expect(contents.problems).toEqual([]);
    expect(contents.tornTail).toBeUndefined();
  });

  it('skips a last line without its newline as torn, keeping every earlier entry', () => {
    const intact = line(reject('a.p1')) + line(reject('a.p2'));
    const contents = parseJournal(Buffer.from(`${intact}{"kind":"reject","at":"2024`));
    expect(contents.lines.map((l) => l.entry)).toEqual([reject('a.p1'), reject('a.p2')]);
    expect(contents.problems).toEqual([]);
    expect(contents.tornTail).toEqual({ line: 3, offset: Buffer.byteLength(intact), bytes: 27 });
    expect(contents.intactLength).toBe(Buffer.byteLength(intact));
  });

  it('treats even a complete entry without its newline as torn: it was never acknowledged', () => {
    const contents = parseJournal(Buffer.from(JSON.stringify(reject('a.p1'))));
    expect(contents.lines).toEqual([]);
    expect(contents.tornTail?.line).toBe(1);
  });

  it('reports a broken line in the middle as a problem with its line number', () => {
    const contents = parseJournal(Buffer.from(`${line(reject('a.p1'))}not json\n${line(reject('a.p2'))}`));
    expect(contents.problems).toHaveLength(1);
    expect(contents.problems[0]).toMatchObject({ file: 'journal.jsonl', line: 2, column: 1 });
    expect(contents.problems[0].message).toMatch(/^malformed journal entry: /);
  });

  it('reports an entry of the wrong shape naming the field', () => {
    const contents = parseJournal(Buffer.from('{"kind":"reject","at":"x"}\n'));
    expect(contents.problems).toEqual([
      {
        file: 'journal.jsonl',
        line: 1,
        column: 1,
        field: 'proposal',
        message: 'invalid journal entry: Invalid input: expected string, received undefined',
      },
    ]);
  });
});

describe('JournalWriter', () => {
  it('writes the whole line, then fsyncs, before append returns', () => {
    const dir = tempDataFolder();
    const writer = JournalWriter.open(dir);
    const calls: string[] = [];
    const realWrite = fs.writeSync;
    const realFsync = fs.fsyncSync;
    const write = jest.spyOn(fs, 'writeSync');
    const fsync = jest.spyOn(fs, 'fsyncSync');
    write.mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      calls.push('write');
      return realWrite(...args);
    }) as typeof fs.writeSync);
    fsync.mockImplementation((fd) => {
      calls.push('fsync');
      realFsync(fd);
    });
    try {
      writer.append(reject('a.p1'));
    } finally {
      write.mockRestore();
      fsync.mockRestore();
      writer.close();
    }
    expect(calls).toEqual(['write', 'fsync']);
    expect(fs.readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')).toBe(line(reject('a.p1')));
  });

  it('cuts a torn tail off on open, keeps it aside, reports it, and appends on a fresh line', () => {
    const dir = tempDataFolder();
    const file = path.join(dir, 'journal.jsonl');
    fs.writeFileSync(file, `${line(reject('a.p1'))}{"kind":"rej`);
    const reported: string[] = [];
    const writer = JournalWriter.open(dir, (problem) =>
      reported.push(`${problem.file}:${problem.line}: ${problem.message}`),
    );
    writer.append(reject('a.p2'));
    writer.close();
    expect(reported).toEqual([
      'journal.jsonl:2: ignored an incomplete last entry (12 bytes, a write interrupted by a crash; it was never acknowledged); every earlier entry is intact',
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe(line(reject('a.p1')) + line(reject('a.p2')));
    expect(fs.readFileSync(`${file}.torn`, 'utf8')).toBe('{"kind":"rej\n');
    expect(readJournal(dir).lines.map((l) => l.entry)).toEqual([reject('a.p1'), reject('a.p2')]);
  });

  it('takes a failed write back so the next entry starts on its own line', () => {
    const dir = tempDataFolder();
    const writer = JournalWriter.open(dir);
    writer.append(reject('a.p1'));
    const actualWrite = fs.writeSync;
    const write = jest.spyOn(fs, 'writeSync').mockImplementationOnce(((fd: number, buffer: Buffer) => {
      actualWrite(fd, buffer, 0, 10);
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }) as unknown as typeof fs.writeSync);
    expect(() => writer.append(reject('a.p2'))).toThrow('ENOSPC: no space left on device');
    write.mockRestore();
    writer.append(reject('a.p3'));
    writer.close();
    expect(readJournal(dir).lines.map((l) => l.entry)).toEqual([reject('a.p1'), reject('a.p3')]);
  });
});
