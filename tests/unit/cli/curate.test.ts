// `claimgraph curate` as a user meets it: a claim added from a JSON body, retracted with a
// reason and brought back by a revert, each an event by the author `cli` that the next
// load sees; the history listed; a missing reason, a stale version and an unknown claim
// refused with their messages and exit codes. Runs main() in-process with captured output.
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../../server/cli/main';
import { loadDataset } from '../../../server/load/loadDataset';
import { writeCurationFolder } from '../../api/curationFolder';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const TIME = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z';

describe('claimgraph curate', () => {
  it('adds, retracts and reverts claims as events by cli, and lists the history', async () => {
    const dir = writeCurationFolder();
    const body = path.join(dir, 'claim.json');
    fs.writeFileSync(
      body,
      JSON.stringify({
        document: 'mar',
        quote: 'Bob said',
        subject: 'bob',
        type: 'funded',
        object: 'acme',
        stance: 'asserts',
      }),
    );
    const added = await run('curate', 'add', body, '--data', dir);
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(
      new RegExp(`^e1  ${TIME}  cli  addClaim  claim mar.m1 v1  bob funded acme \\(asserts\\)$`),
    );
    expect(loadDataset(dir).claims.map((c) => c.id)).toEqual(['c1', 'mar.m1']);

    const noReason = await run('curate', 'retract', 'mar.m1', '--data', dir);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toMatch(/^claimgraph curate: curate retract: a retraction needs a reason: --reason "why"\n/);

    const retracted = await run('curate', 'retract', 'mar.m1', '--reason', 'typo', '--if-match', '1', '--data', dir);
    expect(retracted.code).toBe(0);
    expect(retracted.out).toMatch(/^e2 .* cli  retractClaim  claim mar.m1 v2  bob funded acme \(asserts\) — typo$/);
    expect(loadDataset(dir).claims.map((c) => c.id)).toEqual(['c1']);

    const stale = await run('curate', 'revert', 'e2', '--if-match', '1', '--data', dir);
    expect(stale).toEqual({
      code: 1,
      out: '',
      err: 'claimgraph curate: claim "mar.m1" is at version 2, not 1: it changed since you read it; read it again (GET /api/claims/mar.m1) and redo your change',
    });
    expect((await run('curate', 'revert', 'e2', '--data', dir)).code).toBe(0);
    expect(loadDataset(dir).claims.map((c) => c.id)).toEqual(['c1', 'mar.m1']);

    const history = await run('curate', 'history', '--claim', 'mar.m1', '--data', dir);
    expect(history.code).toBe(0);
    expect(
      history.out.split('\n').map((line) => line.split('  ').slice(0, 1).concat(line.split('  ').slice(2, 4))),
    ).toEqual([
      ['e3', 'cli', 'revert reverts e2'],
      ['e2', 'cli', 'retractClaim'],
      ['e1', 'cli', 'addClaim'],
    ]);
    const unknown = await run('curate', 'retract', 'nope', '--reason', 'x', '--data', dir);
    expect(unknown).toEqual({ code: 1, out: '', err: 'claimgraph curate: no claim with id "nope"' });
  });

  it('merges an entity into another as an event by cli, reverts it, and refuses a merge without --into', async () => {
    const dir = writeCurationFolder();
    const noInto = await run('curate', 'merge', 'bob', '--data', dir);
    expect(noInto.code).toBe(2);
    expect(noInto.err).toMatch(/^claimgraph curate: curate merge: name the entity that stays: --into ID\n/);
    const loop = await run('curate', 'merge', 'bob', '--into', 'ann', '--data', dir);
    expect(loop).toEqual({
      code: 1,
      out: '',
      err: 'claimgraph curate: entity "bob" cannot be merged into "ann": claim "c1" would join "ann" with itself; correct or retract it first',
    });
    const merged = await run('curate', 'merge', 'bob', '--into', 'acme', '--reason', 'one firm', '--data', dir);
    expect(merged.err).toBe('');
    expect(merged.out).toMatch(
      new RegExp(`^e1  ${TIME}  cli  mergeEntities  entity bob into acme v2  1 claims moved — one firm$`),
    );
    const dataset = loadDataset(dir);
    expect([...dataset.entities.keys()]).toEqual(['ann', 'acme']);
    expect(dataset.entities.get('acme')!.aliases).toEqual(['Bob']);
    expect(dataset.claims.map((c) => [c.id, c.subject, c.object])).toEqual([['c1', 'ann', 'acme']]);
    expect([...dataset.redirects.values()]).toEqual([{ id: 'bob', into: 'acme' }]);

    const split = await run('curate', 'revert', 'e1', '--if-match', '2', '--data', dir);
    expect(split.out).toMatch(
      new RegExp(`^e2  ${TIME}  cli  splitEntity reverts e1  entity bob from acme v3  1 claims moved$`),
    );
    expect([...loadDataset(dir).entities.keys()]).toEqual(['ann', 'acme', 'bob']);
    const history = await run('curate', 'history', '--entity', 'bob', '--data', dir);
    expect(history.out.split('\n').map((line) => line.split('  ')[0])).toEqual(['e2', 'e1']);
  });

  it('lists the history without writing to the folder: no journal, no lock', async () => {
    const dir = writeCurationFolder();
    const before = fs.readdirSync(dir).sort();
    expect(await run('curate', 'history', '--data', dir)).toEqual({ code: 0, out: 'no events', err: '' });
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });
});
