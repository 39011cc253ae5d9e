// `claimgraph serve [--port N] [--host ADDRESS] [--private | --public-reads] [--data DIR |
// --database URL]`: loads the data folder (or a PostgreSQL database, which it then writes to and
// follows beside other servers) and serves the API and the web client until interrupted (port:
// --port, else PORT, else 3000; interface: --host, else HOST, else 127.0.0.1; who may
// read: --private / --public-reads, else CLAIMGRAPH_READS, else anyone on loopback and
// readers with a token elsewhere; every other setting from the environment, server/config.ts).
import { serve } from '../../index';
import { existingDataDir, flagSetting, parseFlags, UsageError, type Command } from '../command';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the REST API and the web client (port 3000, or --port / PORT)',
  usage: 'claimgraph serve [--port N] [--host ADDRESS] [--private | --public-reads] [--data DIR | --database URL]',
  async run(args, io) {
    const { values } = parseFlags(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      database: { type: 'string' },
      private: { type: 'boolean' },
      'public-reads': { type: 'boolean' },
    });
    if (values.private && values['public-reads'])
      throw new UsageError('--private and --public-reads contradict each other: give one');
    const reads = values.private ? 'private' : values['public-reads'] ? 'public' : undefined;
    return serve(
      {
        port: flagSetting('port', values.port, '--port'),
        host: flagSetting('host', values.host, '--host'),
        dataDir: existingDataDir(values.data),
        databaseUrl: flagSetting('databaseUrl', values.database, '--database'),
        ...(reads ? { reads } : {}),
      },
      io,
    );
  },
};
