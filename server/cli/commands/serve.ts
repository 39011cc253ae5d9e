// `claimgraph serve [--port N] [--data DIR]`: loads the data folder and serves the API
// and the web client until interrupted (port: --port, else PORT, else 3000).
import { parsePort, serveUntilStopped } from '../../index';
import { resolveDataDir } from '../../paths';
import { parseFlags, UsageError, type Command } from '../command';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the REST API and the web client (port 3000, or --port / PORT)',
  usage: 'claimgraph serve [--port N] [--data DIR]',
  async run(args, io) {
    const { values } = parseFlags(args, { port: { type: 'string' }, data: { type: 'string' } });
    let port: number;
    try {
      port = values.port !== undefined ? parsePort(values.port, '--port') : parsePort(process.env.PORT, 'PORT');
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    return serveUntilStopped({ dataDir: resolveDataDir(values.data), port, host: process.env.HOST || undefined }, io);
  },
};
