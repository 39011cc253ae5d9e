// Entry point of the `claimgraph` command: picks the command, runs it, maps errors to
// messages and exit codes (exitCodes.ts: 1 for data problems, 2 for usage errors and bad
// settings), never a stack trace for a user mistake: a file or folder problem is one
// line naming the path and what to do (userErrors.ts).
import fs from 'node:fs';
import path from 'node:path';
import { DataIntegrityError, formatProblem } from '../load/problems';
import { packageRoot } from '../paths';
import { UsageError, type CliIo } from './command';
import { commands } from './commands';
import { EXIT_USAGE, exitCodeFor } from './exitCodes';
import { userMessage } from './userErrors';

/** The version in package.json: what `claimgraph --version` prints. */
export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'claimgraph: an evidence-first entity-relationship graph explorer',
    '',
    'usage: claimgraph <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command reads the data folder given by --data DIR, else CLAIMGRAPH_DATA, else the embedded graph-data/.',
    'A FILE given as - is standard input. Progress goes to stderr when it is a terminal; --quiet turns it off.',
    "Run 'claimgraph <command> --help' for a command's options, 'claimgraph --version' for the version.",
  ].join('\n');
}

export async function main(
  argv: string[],
  io: CliIo = { out: (t) => console.log(t), err: (t) => console.error(t), progress: process.stderr },
): Promise<number> {
  // --quiet (-q) is every command's: it turns progress off.
  const quiet = argv.slice(1).some((arg) => arg === '--quiet' || arg === '-q');
  if (quiet) io = { out: io.out, err: io.err };
  const [name, ...args] = argv.filter((arg, i) => i === 0 || (arg !== '--quiet' && arg !== '-q'));
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.out(packageVersion());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`claimgraph: unknown command "${name}"\n\n${helpText()}`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    const code = exitCodeFor(error);
    if (error instanceof UsageError) io.err(`claimgraph ${name}: ${error.message}\nusage: ${command.usage}`);
    else if (error instanceof DataIntegrityError) {
      io.err(`claimgraph ${name}: the data folder has ${error.problems.length} problem(s):`);
      for (const problem of error.problems) io.err(`  ${formatProblem(problem)}`);
    } else io.err(`claimgraph ${name}: ${userMessage(error)}`);
    return code;
  }
}
