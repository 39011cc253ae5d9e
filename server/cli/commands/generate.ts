// `claimgraph generate --entities N --claims M --seed S --out DIR`: writes a deterministic
// synthetic data folder (same seed, same bytes) for benchmarks and scale tests.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { generateDataFolder } from '../../generate/generateDataFolder';
import { parseFlags, UsageError, type Command } from '../command';
import { formatCount, startProgress } from '../progress';

const count = (flag: string, max: number) =>
  z.coerce
    .number({ error: `--${flag} expects a whole number` })
    .int({ error: `--${flag} expects a whole number` })
    .min(1, { error: `--${flag} must be at least 1` })
    .max(max, { error: `--${flag} must be at most ${max}` });

const optionsSchema = z.object({
  entities: count('entities', 10_000_000),
  claims: count('claims', 100_000_000).optional(),
  seed: z.coerce
    .number({ error: '--seed expects a whole number' })
    .int({ error: '--seed expects a whole number' })
    .default(1),
  out: z.string({ error: '--out DIR is required' }).min(1, { error: '--out DIR is required' }),
});

export const generateCommand: Command = {
  name: 'generate',
  summary: 'write a deterministic synthetic data folder (for benchmarks and scale tests)',
  usage: 'claimgraph generate --entities N [--claims M (default 10×N)] [--seed S (default 1)] --out DIR',
  async run(args, io) {
    const { values } = parseFlags(args, {
      entities: { type: 'string' },
      claims: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    });
    const parsed = optionsSchema.safeParse({ ...values, entities: values.entities ?? '' });
    if (!parsed.success)
      throw new UsageError(
        parsed.error.issues[0].path[0] === 'entities' && values.entities === undefined
          ? '--entities N is required'
          : parsed.error.issues[0].message,
      );
    const options = parsed.data;
    const outDir = path.resolve(options.out);
    if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0)
      throw new UsageError(`${outDir} is not empty; give a new or empty folder`);
    const started = Date.now();
    let summary;
    const claims = options.claims ?? options.entities * 10;
    const progress = startProgress(io.progress, 'generate');
    progress.update(`making ${formatCount(options.entities)} entities`, true);
    try {
      summary = generateDataFolder({
        entities: options.entities,
        claims,
        seed: options.seed,
        outDir,
        onProgress: (written) =>
          progress.update(
            `${formatCount(written.entities)} entities, ${formatCount(written.claims)} of ${formatCount(claims)} claims (${Math.floor((100 * written.claims) / claims)} %)`,
          ),
      });
      progress.done();
    } catch (error) {
      progress.done();
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    io.out(
      `${outDir}: ${summary.entities} entities, ${summary.claims} claims, ${summary.documents} documents (seed ${options.seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    io.out(
      `  node types  ${Object.entries(summary.byNodeType)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    io.out(
      `  stances     ${Object.entries(summary.byStance)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    return 0;
  },
};
