// The server under load, in its own process (started by load.ts with --expose-gc and an
// IPC channel): the real startServer on loopback, reporting its heap after a forced
// garbage collection whenever the parent asks, so the load generator's own memory never
// counts.
import { startServer } from '../../server/index';

interface HeapRequest {
  type: 'heap';
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const running = await startServer({ dataDir, port: 0, host: '127.0.0.1', writes: { rateLimit: false } });
  if (process.env.LOAD_SLOW_MS) {
    // Diagnosis: name the requests slower than this, as the server saw them.
    const slow = Number(process.env.LOAD_SLOW_MS);
    running.server.prependListener('request', (req, res) => {
      const started = Date.now();
      res.once('finish', () => {
        if (Date.now() - started > slow) console.error(`slow: ${Date.now() - started} ms ${req.url}`);
      });
    });
  }
  process.on('message', (message: HeapRequest) => {
    if (message.type !== 'heap') return;
    gc();
    gc();
    process.send!({ type: 'heap', heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
  });
  process.on('disconnect', () => {
    running.close().then(() => process.exit(0));
    running.server.closeAllConnections();
  });
  process.send!({ type: 'ready', url: running.url });
}

main().catch((error: unknown) => {
  console.error(`load server: ${(error as Error).message}`);
  process.exit(1);
});
