// `claimgraph curate …`: hand curation from the command line, on a data folder no server
// holds: add a claim, correct it, retract it, merge an entity into another, judge two
// entities not the same, revert an event, list the history. Each change is one journal
// event by the author `cli`, checked exactly as the API checks it (the same store, the
// same body schemas).
import type { z } from 'zod';
import { readCurationHistory } from '../../load';
import { formatProblem } from '../../load/problems';
import { addClaimBodySchema, correctClaimBodySchema, mergeEntityBodySchema } from '../../model/curationApi';
import { filterHistory } from '../../queries/curationHistory';
import type { CurationEntry } from '../../model/curationEvents';
import { DataFolderInUseError } from '../../store/dataFolderLock';
import { DataFolderServedError } from '../../store/readerMarks';
import { defaultExtractor } from '../../store/defaultExtractor';
import { openWriteStore } from '../../store/openWriteStore';
import type { WriteStore } from '../../store/writeStore';
import {
  CLI_AUTHOR,
  existingDataDir,
  parseFlags,
  readTextInput,
  UsageError,
  type CliIo,
  type Command,
} from '../command';
import { exitCodeFor, exitCodeOf } from '../exitCodes';
import { userMessage } from '../userErrors';

const ACTIONS = 'add, correct, retract, merge, revert, not-same or history';
const USAGE = [
  'claimgraph curate add BODY.json [--data DIR]',
  '       claimgraph curate correct CLAIM BODY.json [--if-match VERSION] [--data DIR]',
  '       claimgraph curate retract CLAIM --reason TEXT [--if-match VERSION] [--data DIR]',
  '       claimgraph curate merge ENTITY --into ENTITY [--reason TEXT] [--if-match VERSION] [--data DIR]',
  '       claimgraph curate revert EVENT [--reason TEXT] [--if-match VERSION] [--data DIR]',
  '       claimgraph curate not-same ENTITY --other ENTITY [--reason TEXT] [--data DIR]',
  '       claimgraph curate history [--claim ID] [--entity ID] [--document ID] [--author NAME] [--data DIR]',
].join('\n');

const flags = {
  data: { type: 'string' },
  reason: { type: 'string' },
  into: { type: 'string' },
  'if-match': { type: 'string' },
  claim: { type: 'string' },
  entity: { type: 'string' },
  document: { type: 'string' },
  author: { type: 'string' },
  other: { type: 'string' },
} as const;

/** A JSON file checked with a body schema of the API; problems name the file and field. */
function readBody<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(readTextInput(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) throw error;
    throw new UsageError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new UsageError(
      parsed.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(body)'}: ${issue.message}`).join('\n'),
    );
  return parsed.data;
}

function version(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) throw new UsageError(`--if-match: expected a claim version such as 3, not "${text}"`);
  return Number(text);
}

function describe(event: CurationEntry): string {
  if (event.kind === 'mergeEntities' || event.kind === 'splitEntity') {
    const reverts = event.reverts !== undefined ? ` reverts ${event.reverts}` : '';
    const reason = event.reason !== undefined ? ` — ${event.reason}` : '';
    const what =
      event.kind === 'mergeEntities' ? `${event.entity} into ${event.into}` : `${event.entity} from ${event.into}`;
    return `${event.id}  ${event.at}  ${event.author}  ${event.kind}${reverts}  entity ${what} v${event.version}  ${event.claims.length} claims moved${reason}`;
  }
  if (event.kind === 'judgeNotSame') {
    const reverts = event.reverts !== undefined ? ` reverts ${event.reverts}` : '';
    const reason = event.reason !== undefined ? ` — ${event.reason}` : '';
    return `${event.id}  ${event.at}  ${event.author}  ${event.kind}${reverts}  entities ${event.entity} and ${event.other}: ${event.after}${reason}`;
  }
  if (event.kind === 'editEntity') {
    const reverts = event.reverts !== undefined ? ` reverts ${event.reverts}` : '';
    const reason = event.reason !== undefined ? ` — ${event.reason}` : '';
    return `${event.id}  ${event.at}  ${event.author}  ${event.kind}${reverts}  entity ${event.entity} v${event.version}  ${event.after.name} (${event.after.type})${reason}`;
  }
  const claim = event.after ?? event.before;
  const what = claim ? `${claim.subject} ${claim.type} ${claim.object} (${claim.stance})` : '';
  const reverts = event.kind === 'revert' ? ` reverts ${event.reverts}` : '';
  const reason = event.reason !== undefined ? ` — ${event.reason}` : '';
  return `${event.id}  ${event.at}  ${event.author}  ${event.kind}${reverts}  claim ${event.claim} v${event.version}  ${what}${reason}`;
}

async function runAction(
  store: WriteStore,
  action: string,
  rest: string[],
  values: Record<string, string | undefined>,
  io: CliIo,
): Promise<void> {
  const ifMatch = version(values['if-match']);
  const one = (what: string) => {
    if (rest.length !== 1) throw new UsageError(`curate ${action}: expected one ${what}`);
    return rest[0];
  };
  let event: CurationEntry;
  if (action === 'add') event = await store.addClaim(readBody(one('BODY.json'), addClaimBodySchema), CLI_AUTHOR);
  else if (action === 'correct') {
    if (rest.length !== 2) throw new UsageError('curate correct: expected a claim id and a BODY.json');
    event = await store.correctClaim(rest[0], readBody(rest[1], correctClaimBodySchema), ifMatch, CLI_AUTHOR);
  } else if (action === 'retract') {
    const reason = values.reason?.trim();
    if (!reason) throw new UsageError('curate retract: a retraction needs a reason: --reason "why"');
    event = await store.retractClaim(one('claim id'), reason, ifMatch, CLI_AUTHOR);
  } else if (action === 'merge') {
    if (values.into === undefined) throw new UsageError('curate merge: name the entity that stays: --into ID');
    const body = mergeEntityBodySchema.safeParse({ into: values.into, reason: values.reason });
    if (!body.success)
      throw new UsageError(body.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
    event = await store.mergeEntities(one('entity id'), body.data, ifMatch, CLI_AUTHOR);
  } else if (action === 'revert') event = await store.revert(one('event id'), values.reason, ifMatch, CLI_AUTHOR);
  else if (action === 'not-same') {
    if (values.other === undefined) throw new UsageError('curate not-same: name the other entity: --other ID');
    const judged = await store.judgeNotSame(one('entity id'), values.other, values.reason, CLI_AUTHOR);
    io.out(judged.created ? describe(judged.event) : `${describe(judged.event)}  (already judged: nothing written)`);
    return;
  } else throw new UsageError(`unknown curate action "${action}"; expected ${ACTIONS}`);
  io.out(describe(event));
}

function listHistory(dataDir: string, rest: string[], values: Record<string, string | undefined>, io: CliIo): number {
  if (rest.length !== 0) throw new UsageError('curate history: takes no arguments, only filters');
  const events = filterHistory(readCurationHistory(dataDir).all(), {
    claim: values.claim,
    entity: values.entity,
    document: values.document,
    author: values.author,
  });
  if (events.length === 0) io.out('no events');
  for (const listed of events) io.out(describe(listed));
  return 0;
}

export const curateCommand: Command = {
  name: 'curate',
  summary:
    'add, correct or retract a claim by hand, merge an entity into another, judge two entities not the same, revert an event, list the history',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, flags, true);
    const [action, ...rest] = positionals;
    if (action === undefined) throw new UsageError(`the action is missing: ${ACTIONS}`);
    const dataDir = existingDataDir(values.data);
    // Reading the history is the read flow: no lock, nothing created in the folder, and it
    // works while a server is writing to it.
    if (action === 'history') return listHistory(dataDir, rest, values, io);
    let opened: ReturnType<typeof openWriteStore>;
    try {
      opened = openWriteStore(dataDir, defaultExtractor, (problem) =>
        io.err(`claimgraph curate: warning: ${formatProblem(problem)}`),
      );
    } catch (error) {
      if (!(error instanceof DataFolderInUseError)) throw error;
      io.err(
        error instanceof DataFolderServedError
          ? `claimgraph curate: ${error.message}`
          : `claimgraph curate: ${error.message}; while the server runs, curate through its API (/api/claims)`,
      );
      return exitCodeFor(error);
    }
    const { store } = opened;
    try {
      await runAction(store, action, rest, values, io);
      return 0;
    } catch (error) {
      if (error instanceof UsageError || exitCodeOf(error) === undefined) throw error;
      io.err(`claimgraph curate: ${userMessage(error)}`);
      return exitCodeFor(error);
    } finally {
      await store.close();
    }
  },
};
