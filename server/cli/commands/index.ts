// Every CLI command, in the order `claimgraph --help` lists them. Add a command here.
import type { Command } from '../command';
import { exportCommand } from './export';
import { validateCommand } from './validate';

export const commands: Command[] = [validateCommand, exportCommand];
