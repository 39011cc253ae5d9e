// Entry point of the `claimgraph` command: picks the command, runs it, maps errors to
// messages and exit codes (exitCodes.ts: 1 for data problems, 2 for usage errors and bad
// settings), never a stack trace for a user mistake.
import { DataIntegrityError, formatProblem } from '../load/problems';
import { UsageError, type CliIo } from './command';
import { commands } from './commands';
import { EXIT_USAGE, exitCodeFor } from './exitCodes';

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
    "Run 'claimgraph <command> --help' for a command's options.",
  ].join('\n');
}

export async function main(
  argv: string[],
  io: CliIo = { out: (t) => console.log(t), err: (t) => console.error(t) },
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name === undefined ? EXIT_USAGE : 0;
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
    } else io.err(`claimgraph ${name}: ${(error as Error).message}`);
    return code;
  }
}
