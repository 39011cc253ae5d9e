// `claimgraph export --format json [--static] [--data DIR | --database URL] [--out FILE|-]`: writes the built
// graph, claims included, to a file or, without --out or with `--out -`, to standard
// output: streamed either way, so `> file` gives the same bytes as `--out file` at any size.
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { resolveDataDir } from '../../config';
import { openGraphOf } from '../../graph/openGraph';
import { exportFormats, findExportFormat, staticOptionProblem } from '../../export';
import { parseFlags, UsageError, type Command } from '../command';
import { openDataset } from '../openDataset';
import { databaseUrlOf } from './db';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the built graph with its claims, in any export format',
  get usage() {
    return `claimgraph export --format ${exportFormats.map((f) => f.name).join('|')} [--static] [--data DIR | --database URL] [--out FILE|-]`;
  },
  async run(args, io) {
    const { values } = parseFlags(args, {
      format: { type: 'string', default: 'json' },
      static: { type: 'boolean' },
      data: { type: 'string' },
      database: { type: 'string' },
      out: { type: 'string' },
    });
    const format = findExportFormat(values.format);
    if (!format)
      throw new UsageError(
        `unknown format "${values.format}"; expected one of ${exportFormats.map((f) => f.name).join(', ')}`,
      );
    const staticProblem = values.static ? staticOptionProblem(format) : undefined;
    if (staticProblem) throw new UsageError(`--static: ${staticProblem}`);
    const { dataset } = await openDataset(resolveDataDir(values.data), databaseUrlOf(values.database));
    const { graph } = openGraphOf(dataset, resolveDataDir(values.data));
    const options = { static: values.static };
    if (values.out !== undefined && values.out !== '-') {
      // Streamed into the file: a large graph's export is bigger than the longest string V8 can hold.
      await writeFile(values.out, (out) => format.write(graph, out, options));
      io.err(`wrote ${graph.order} entities and ${graph.size} relations to ${values.out}`);
    } else await writeStdout(io.stdout ?? process.stdout, (out) => format.write(graph, out, options));
    return 0;
  },
};

async function writeFile(file: string, write: (out: fs.WriteStream) => Promise<void>): Promise<void> {
  const out = fs.createWriteStream(file);
  const opened = new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', reject);
  });
  await opened;
  await write(out);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Writes to standard output and waits until it has taken everything; never ends it (the process does). */
async function writeStdout(out: Writable, write: (out: Writable) => Promise<void>): Promise<void> {
  await write(out);
  if (out.writableLength === 0) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      out.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      out.off('drain', onDrain);
      reject(error);
    };
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}
