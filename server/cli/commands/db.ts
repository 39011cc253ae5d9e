// `claimgraph db migrate|import|export --database URL`: PostgreSQL as the store (README,
// "Running for a team"). `migrate` applies the schema's missing migrations and says which;
// `import DIR` checks a data folder as `validate` does and loads it into an empty database
// (`--replace`: replacing what it holds) in one transaction; `export --out DIR` writes the
// database back as a data folder. The URL: --database, else CLAIMGRAPH_DATABASE_URL.
import path from 'node:path';
import { resolveDatabaseUrl } from '../../config';
import { formatProblem } from '../../load/problems';
import { connectDatabase } from '../../store/postgres/connect';
import { exportDatabaseToFolder } from '../../store/postgres/exportFolder';
import { importDataFolder } from '../../store/postgres/importFolder';
import { migrateDatabase } from '../../store/postgres/migrate';
import { flagSetting, parseFlags, UsageError, type CliIo, type Command } from '../command';

const USAGE = [
  'claimgraph db migrate [--database URL]',
  '       claimgraph db import DIR [--replace] [--database URL]',
  '       claimgraph db export --out DIR [--database URL]',
].join('\n');

/** The database URL of a command: --database, else CLAIMGRAPH_DATABASE_URL; required here. */
export function databaseUrlOf(flag: string | undefined, required: true): string;
export function databaseUrlOf(flag: string | undefined, required?: false): string | undefined;
export function databaseUrlOf(flag: string | undefined, required = false): string | undefined {
  const url = flag !== undefined ? flagSetting('databaseUrl', flag, '--database') : resolveDatabaseUrl();
  if (url === undefined && required)
    throw new UsageError('no database: give --database URL or set CLAIMGRAPH_DATABASE_URL');
  return url;
}

type Values = { database?: string; replace?: boolean; out?: string };

async function runAction(action: string, rest: string[], values: Values, io: CliIo): Promise<number> {
  const url = databaseUrlOf(values.database, true);
  if (action === 'import' && rest.length !== 1) throw new UsageError('db import: expected one data folder');
  if (action !== 'import' && rest.length !== 0) throw new UsageError(`db ${action}: takes no folder argument`);
  if (action === 'export' && values.out === undefined) throw new UsageError('db export: --out DIR is required');
  if (values.replace && action !== 'import') throw new UsageError('--replace goes with db import only');
  const pool = await connectDatabase(url, { max: 2 });
  try {
    if (action === 'migrate') {
      const result = await migrateDatabase(pool);
      if (result.applied.length === 0) io.out(`the schema is up to date (version ${result.version}); applied none`);
      for (const migration of result.applied) io.out(`applied ${migration.name}`);
    } else if (action === 'import') {
      const dataDir = path.resolve(rest[0]);
      const summary = await importDataFolder(pool, url, dataDir, { replace: values.replace });
      for (const warning of summary.warnings) io.err(`claimgraph db import: warning: ${formatProblem(warning)}`);
      for (const file of summary.relaidFiles)
        io.err(
          `claimgraph db import: note: ${file} is in a text layout \`db export\` does not reproduce; an exported folder holds the same records under another version`,
        );
      io.out(
        `${dataDir}: imported ${summary.documents} document(s), ${summary.entities} entities, ${summary.claims} claims, ${summary.redirects} redirect(s), ${summary.proposals} proposal(s), ${summary.events} journal event(s), ${summary.history} history event(s), ${summary.users} user(s), ${summary.originals} original(s)`,
      );
    } else {
      const out = path.resolve(values.out!);
      const summary = await exportDatabaseToFolder(pool, url, out);
      io.out(
        `${out}: wrote ${summary.documents} document(s), ${summary.entities} entities, ${summary.claims} claims and ${summary.events} journal event(s)`,
      );
    }
    return 0;
  } finally {
    await pool.end();
  }
}

export const dbCommand: Command = {
  name: 'db',
  summary: 'PostgreSQL as the store: migrate its schema, import a data folder into it, export it as one',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      { database: { type: 'string' }, replace: { type: 'boolean' }, out: { type: 'string' } },
      true,
    );
    const [action, ...rest] = positionals;
    if (action === undefined) throw new UsageError('the action is missing: migrate, import or export');
    if (!['migrate', 'import', 'export'].includes(action))
      throw new UsageError(`unknown db action "${action}"; expected migrate, import or export`);
    return runAction(action, rest, values, io);
  },
};
