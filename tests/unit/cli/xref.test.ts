// `claimgraph xref` and `claimgraph curate not-same` as a user meets them: the candidate
// pairs of a folder, one readable line each, best first; --limit, --min-score and --json;
// a pair judged not the same from the command line is gone from the next xref, and a
// repeat writes nothing; xref writes nothing to the folder (no journal, no lock) and works
// while a write store holds the folder's lock. Runs main() in-process with captured output.
import fs from 'node:fs';
import { main } from '../../../server/cli/main';
import { defaultExtractor } from '../../../server/store/defaultExtractor';
import { openWriteStore } from '../../../server/store/openWriteStore';
import { duplicatesFolder } from '../../api/duplicatesFolder';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ANN_EMILE_ANN =
  '0.950  ann "Ann Émile" (person) ~ emile-ann "Emile, Ann" (person)  name "Ann Émile" ~ name "Emile, Ann": the same words in another order';
const A_EMILE_ANN =
  '0.900  a-emile "A. Emile" (person) ~ ann "Ann Émile" (person)  name "A. Emile" ~ name "Ann Émile": initials match; 1 shared neighbour: Bob';
const A_EMILE_EMILE_ANN =
  '0.808  a-emile "A. Emile" (person) ~ emile-ann "Emile, Ann" (person)  name "A. Emile" ~ name "Emile, Ann": initials match';

describe('claimgraph xref', () => {
  it('prints the candidate pairs best first, one line each, and how many there are; writes nothing', async () => {
    const dir = duplicatesFolder();
    const before = fs.readdirSync(dir).sort();
    expect(await run('xref', '--data', dir)).toEqual({
      code: 0,
      out: [ANN_EMILE_ANN, A_EMILE_ANN, A_EMILE_EMILE_ANN, '3 pairs score 0.5 or more'].join('\n'),
      err: '',
    });
    expect(await run('xref', '--limit', '1', '--data', dir)).toEqual({
      code: 0,
      out: [ANN_EMILE_ANN, '3 pairs score 0.5 or more; the first 1 shown (--limit)'].join('\n'),
      err: '',
    });
    expect(await run('xref', '--min-score', '0.99', '--data', dir)).toEqual({
      code: 0,
      out: 'no pairs score 0.99 or more',
      err: '',
    });
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  it('gives the pairs as JSON with --json', async () => {
    const dir = duplicatesFolder();
    const { code, out } = await run('xref', '--json', '--limit', '1', '--data', dir);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      total: 3,
      limit: 1,
      minScore: 0.5,
      pairs: [
        {
          score: 0.95,
          a: { id: 'ann', name: 'Ann Émile', type: 'person' },
          b: { id: 'emile-ann', name: 'Emile, Ann', type: 'person' },
          reasons: ['name "Ann Émile" ~ name "Emile, Ann": the same words in another order'],
        },
      ],
    });
  });

  it('refuses a bad --limit or --min-score with the usage', async () => {
    const dir = duplicatesFolder();
    const limit = await run('xref', '--limit', '0', '--data', dir);
    expect(limit.code).toBe(2);
    expect(limit.err).toMatch(/^claimgraph xref: --limit: expected a whole number from 1 to 9999999, not "0"\n/);
    const score = await run('xref', '--min-score', 'high', '--data', dir);
    expect(score.code).toBe(2);
    expect(score.err).toMatch(/^claimgraph xref: --min-score: expected a number from 0 to 1, not "high"\n/);
  });

  it('leaves out a pair judged not the same with curate not-same, in either order; works while the folder is locked', async () => {
    const dir = duplicatesFolder();
    const judged = await run(
      'curate',
      'not-same',
      'ann',
      '--other',
      'a-emile',
      '--reason',
      'two people',
      '--data',
      dir,
    );
    expect(judged.err).toBe('');
    expect(judged.out).toMatch(
      /^e1  \d{4}-\d\d-\d\dT[\d:.]+Z  cli  judgeNotSame  entities ann and a-emile: not-same — two people$/,
    );
    const again = await run('curate', 'not-same', 'a-emile', '--other', 'ann', '--data', dir);
    expect(again.out).toBe(`${judged.out}  (already judged: nothing written)`);
    const missing = await run('curate', 'not-same', 'ann', '--data', dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^claimgraph curate: curate not-same: name the other entity: --other ID\n/);

    const { store } = openWriteStore(dir, defaultExtractor, () => {});
    try {
      expect(await run('xref', '--data', dir)).toEqual({
        code: 0,
        out: [ANN_EMILE_ANN, A_EMILE_EMILE_ANN, '2 pairs score 0.5 or more'].join('\n'),
        err: '',
      });
    } finally {
      store.close();
    }
    expect((await run('curate', 'revert', 'e1', '--data', dir)).out).toMatch(
      /^e2  .+  cli  judgeNotSame reverts e1  entities ann and a-emile: unjudged$/,
    );
    expect((await run('xref', '--data', dir)).out.split('\n')).toHaveLength(4);
  });
});
