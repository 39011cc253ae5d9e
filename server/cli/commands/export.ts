// `claimgraph export --format json [--data DIR] [--out FILE]`: writes the built graph,
// claims included, to a file or to standard output.
import fs from 'node:fs';
import { openGraph } from '../../graph/openGraph';
import { exportJson } from '../../export/json';
import { resolveDataDir } from '../../paths';
import { parseFlags, UsageError, type Command } from '../command';

const formats = ['json'] as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the built graph with its claims (--format json)',
  usage: `claimgraph export --format ${formats.join('|')} [--data DIR] [--out FILE]`,
  async run(args, io) {
    const { values } = parseFlags(args, { format: { type: 'string', default: 'json' }, data: { type: 'string' }, out: { type: 'string' } });
    if (!(formats as readonly string[]).includes(values.format)) throw new UsageError(`unknown format "${values.format}"; expected one of ${formats.join(', ')}`);
    const { graph } = openGraph(resolveDataDir(values.data));
    const text = exportJson(graph);
    if (values.out) {
      fs.writeFileSync(values.out, text);
      io.err(`wrote ${graph.order} entities and ${graph.size} relations to ${values.out}`);
    } else io.out(text);
    return 0;
  },
};
