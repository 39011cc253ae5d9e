// The data folder lock under a real race: four processes take it in the same
// millisecond, round after round, on a free folder and on folders whose lock was left by
// a dead process (in this version's format, in the format of earlier versions, empty, and
// with a takeover lock left by a process killed while taking it over). Every round has
// exactly one holder; the others name it; once it releases, no lock file is left.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { DataFolderInUseError, LOCK_FILE, lockDataFolder } from '../../../server/store/dataFolderLock';

const RACERS = 4;
const ROUNDS = Number(process.env.LOCK_RACE_ROUNDS ?? 20);
const lockModule = path.join(__dirname, '..', '..', '..', 'server', 'store', 'dataFolderLock.ts');

/** A racer: takes the lock in `dir` at the instant `at` (busy-waiting to it), reports, holds it until told to release. */
const RACER_SOURCE = `
import readline from 'node:readline';
import { lockDataFolder } from ${JSON.stringify(`file://${lockModule}`)};
let lock;
for await (const line of readline.createInterface({ input: process.stdin })) {
  const order = JSON.parse(line);
  if (order.release) {
    lock?.release();
    lock = undefined;
    console.log(JSON.stringify({ released: true }));
    continue;
  }
  while (Date.now() < order.at) {}
  try {
    lock = lockDataFolder(order.dir);
    console.log(JSON.stringify({ held: true }));
  } catch (error) {
    console.log(JSON.stringify(error.name === 'DataFolderInUseError' ? { busy: error.pid } : { error: String(error) }));
  }
}
`;

interface Racer {
  child: ChildProcess;
  ask(order: object): Promise<{ held?: true; busy?: number; error?: string; released?: true }>;
}

function startRacer(): Racer {
  const child = spawn(
    process.execPath,
    [
      '--experimental-transform-types',
      '--disable-warning=ExperimentalWarning',
      '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
      '--input-type=module',
      '-e',
      RACER_SOURCE,
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const answers: Array<(answer: object) => void> = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => answers.shift()?.(JSON.parse(line)));
  return {
    child,
    ask: (order) =>
      new Promise((resolve) => {
        answers.push(resolve);
        child.stdin!.write(`${JSON.stringify(order)}\n`);
      }),
  };
}

/** The id of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

const made: string[] = [];
let racers: Racer[] = [];
let dead: number;

beforeAll(async () => {
  racers = Array.from({ length: RACERS }, startRacer);
  dead = await deadPid();
});

afterAll(async () => {
  await Promise.all(
    racers.map(({ child }) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      return exited;
    }),
  );
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-lock-'));
  made.push(dir);
  return dir;
}

const lockFiles = (dir: string) => fs.readdirSync(dir).filter((name) => name.startsWith(LOCK_FILE));

/** One round: every racer takes the lock at once; exactly one holds it, the others name it. */
async function race(dir: string): Promise<void> {
  const at = Date.now() + 40;
  const answers = await Promise.all(racers.map((racer) => racer.ask({ dir, at })));
  const holders = racers.filter((_racer, i) => answers[i].held);
  expect(answers.filter((answer) => answer.error)).toEqual([]);
  expect(holders).toHaveLength(1);
  const [winner] = holders;
  expect(answers.filter((answer) => !answer.held)).toEqual(
    Array.from({ length: RACERS - 1 }, () => ({ busy: winner.child.pid })),
  );
  expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8').split('\n')[0]).toBe(String(winner.child.pid));
  expect(await winner.ask({ release: true })).toEqual({ released: true });
  expect(lockFiles(dir)).toEqual([]);
}

describe('lockDataFolder, four processes at once', () => {
  const stale: Array<[string, (dir: string) => void]> = [
    ['a free folder', () => {}],
    [
      'a lock left by a dead process',
      (dir) => fs.writeFileSync(path.join(dir, LOCK_FILE), `${dead}\n0123456789abcdef\n`),
    ],
    [
      'a lock of an earlier version (the pid alone) left by a dead process',
      (dir) => fs.writeFileSync(path.join(dir, LOCK_FILE), `${dead}\n`),
    ],
    ['an empty lock (its writer died before writing)', (dir) => fs.writeFileSync(path.join(dir, LOCK_FILE), '')],
    [
      'a dead lock and the takeover lock of a process killed while taking it over',
      (dir) => {
        fs.writeFileSync(path.join(dir, LOCK_FILE), `${dead}\n0123456789abcdef\n`);
        fs.writeFileSync(path.join(dir, `${LOCK_FILE}.takeover`), `${dead}\nfedcba9876543210\n`);
      },
    ],
  ];

  it.each(stale)(
    `has exactly one holder in each of ${ROUNDS} rounds on %s`,
    async (_what, prepare) => {
      for (let round = 0; round < ROUNDS; round++) {
        const dir = folder();
        prepare(dir);
        await race(dir);
      }
    },
    120_000,
  );
});

describe('lockDataFolder in this process', () => {
  it('refuses a folder a live process holds, naming it; takes it once released', async () => {
    const dir = folder();
    const [other] = racers;
    expect(await other.ask({ dir, at: 0 })).toEqual({ held: true });
    expect(() => lockDataFolder(dir)).toThrow(new DataFolderInUseError(dir, other.child.pid!));
    expect(() => lockDataFolder(dir)).toThrow(
      `the data folder ${dir} is in use by process ${other.child.pid} (a running claimgraph server?); stop it first, or delete ${path.join(dir, LOCK_FILE)} if no such process is claimgraph`,
    );
    await other.ask({ release: true });
    const lock = lockDataFolder(dir);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toMatch(
      new RegExp(`^${process.pid}\\n[0-9a-f]{16}\\n$`),
    );
    lock.release();
    expect(lockFiles(dir)).toEqual([]);
  });

  it('is re-entrant: a second lock of the same folder is granted and only the first releases it', () => {
    const dir = folder();
    const first = lockDataFolder(dir);
    const second = lockDataFolder(dir);
    second.release();
    expect(lockFiles(dir)).toEqual([LOCK_FILE]);
    first.release();
    expect(lockFiles(dir)).toEqual([]);
  });

  it('takes over a lock naming its own process id that it did not take (a previous process with the same id)', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, LOCK_FILE), `${process.pid}\n0123456789abcdef\n`);
    const lock = lockDataFolder(dir);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).not.toBe(`${process.pid}\n0123456789abcdef\n`);
    lock.release();
    expect(lockFiles(dir)).toEqual([]);
  });

  it("removes the temporary lock files of processes killed before they removed them, and no one else's", () => {
    const dir = folder();
    const left = [`${LOCK_FILE}.${dead}.a1b2c3d4e5f6.tmp`, `${LOCK_FILE}.takeover.${dead}.00ff00ff00ff.tmp`];
    const live = `${LOCK_FILE}.${racers[0].child.pid}.a1b2c3d4e5f6.tmp`;
    for (const name of [...left, live]) fs.writeFileSync(path.join(dir, name), `${dead}\n`);
    const lock = lockDataFolder(dir);
    expect(lockFiles(dir).sort()).toEqual([LOCK_FILE, live].sort());
    lock.release();
  });
});
