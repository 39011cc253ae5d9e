// `claimgraph export --format json [--data DIR] [--out FILE]`: writes the built graph,
// claims included, to a file or to standard output.
import fs from 'node:fs';
import { resolveDataDir } from '../../config';
import { openGraph } from '../../graph/openGraph';
import { exportFormats, findExportFormat } from '../../export';
import { parseFlags, UsageError, type Command } from '../command';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the built graph with its claims, in any export format',
  get usage() {
    return `claimgraph export --format ${exportFormats.map((f) => f.name).join('|')} [--data DIR] [--out FILE]`;
  },
  async run(args, io) {
    const { values } = parseFlags(args, {
      format: { type: 'string', default: 'json' },
      data: { type: 'string' },
      out: { type: 'string' },
    });
    const format = findExportFormat(values.format);
    if (!format)
      throw new UsageError(
        `unknown format "${values.format}"; expected one of ${exportFormats.map((f) => f.name).join(', ')}`,
      );
    const { graph } = openGraph(resolveDataDir(values.data));
    if (values.out) {
      // Streamed into the file: a large graph's export is bigger than the longest string V8 can hold.
      await writeFile(values.out, (out) => format.write(graph, out));
      io.err(`wrote ${graph.order} entities and ${graph.size} relations to ${values.out}`);
    } else io.out(format.render(graph));
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
