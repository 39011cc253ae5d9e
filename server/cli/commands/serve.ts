// `claimgraph serve [--port N] [--host HOST] [--data DIR]`: loads the data folder and
// serves the API and the web client until interrupted (port: --port, else PORT, else
// 3000; interface: --host, else HOST, else every one; every other setting from the
// environment, server/config.ts).
import { serve } from '../../index';
import { existingDataDir, flagSetting, parseFlags, type Command } from '../command';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the REST API and the web client (port 3000, or --port / PORT)',
  usage: 'claimgraph serve [--port N] [--host HOST] [--data DIR]',
  async run(args, io) {
    const { values } = parseFlags(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
    });
    const port = flagSetting('port', values.port, '--port');
    const host = flagSetting('host', values.host, '--host');
    return serve({ port, host, dataDir: existingDataDir(values.data) }, io);
  },
};
