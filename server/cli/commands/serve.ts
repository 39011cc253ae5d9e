// `claimgraph serve [--port N] [--data DIR]`: loads the data folder and serves the API
// and the web client until interrupted (port: --port, else PORT, else 3000; every other
// setting from the environment, server/config.ts).
import { serve } from '../../index';
import { flagSetting, parseFlags, type Command } from '../command';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the REST API and the web client (port 3000, or --port / PORT)',
  usage: 'claimgraph serve [--port N] [--data DIR]',
  async run(args, io) {
    const { values } = parseFlags(args, { port: { type: 'string' }, data: { type: 'string' } });
    return serve(
      { port: flagSetting('port', values.port, '--port'), dataDir: flagSetting('dataDir', values.data, '--data') },
      io,
    );
  },
};
