// Every CLI command, in the order `claimgraph --help` lists them. Add a command here.
import type { Command } from '../command';
import { compactCommand } from './compact';
import { curateCommand } from './curate';
import { dbCommand } from './db';
import { exportCommand } from './export';
import { extractCommand } from './extract';
import { generateCommand } from './generate';
import { importCommand } from './import';
import { ingestCommand } from './ingest';
import { serveCommand } from './serve';
import { usersCommand } from './users';
import { validateCommand } from './validate';
import { xrefCommand } from './xref';

export const commands: Command[] = [
  validateCommand,
  serveCommand,
  exportCommand,
  importCommand,
  generateCommand,
  extractCommand,
  ingestCommand,
  curateCommand,
  xrefCommand,
  compactCommand,
  usersCommand,
  dbCommand,
];
