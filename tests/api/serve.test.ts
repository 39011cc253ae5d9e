// server/index.ts and `claimgraph serve`: load, build, listen on a port, print the URL.
import { main } from '../../server/cli/main';
import { parsePort, startServer } from '../../server/index';
import { seedDir } from './seedApp';

describe('startServer', () => {
  it('listens (port 0: any free port) and answers over HTTP', async () => {
    const running = await startServer({ dataDir: seedDir, port: 0, host: '127.0.0.1' });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(`${running.url}api/health`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { counts: { entities: number } }).counts.entities).toBe(15);
    } finally {
      await running.close();
    }
  });
});

describe('parsePort', () => {
  it('defaults to 3000 and takes 0 to 65535', () => {
    expect([parsePort(undefined, 'PORT'), parsePort('0', 'PORT'), parsePort('8080', 'PORT')]).toEqual([3000, 0, 8080]);
  });
  it.each(['http', '-1', '65536', '80.5'])('refuses %s', (text) => {
    expect(() => parsePort(text, 'PORT')).toThrow(`PORT must be a port number from 0 to 65535, not "${text}"`);
  });
});

describe('claimgraph serve', () => {
  it('refuses a bad --port with exit code 2 and the usage', async () => {
    const err: string[] = [];
    const code = await main(['serve', '--port', 'http'], { out: () => undefined, err: (text) => err.push(text) });
    expect(code).toBe(2);
    expect(err.join('\n')).toBe(
      'claimgraph serve: --port must be a port number from 0 to 65535, not "http"\nusage: claimgraph serve [--port N] [--host ADDRESS] [--private | --public-reads] [--data DIR | --database URL]',
    );
  });

  it('reports a broken data folder and exits 1 without listening', async () => {
    const err: string[] = [];
    const missing = `${seedDir}-does-not-exist`;
    const code = await main(['serve', '--port', '0', '--data', missing], {
      out: () => undefined,
      err: (text) => err.push(text),
    });
    expect(code).toBe(1);
    expect(err).toEqual([
      `claimgraph serve: the data folder ${missing} does not exist; give one with --data DIR or CLAIMGRAPH_DATA, or make one with \`claimgraph import\` or \`claimgraph generate\``,
    ]);
  });
});
