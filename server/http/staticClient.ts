// Serves the built web client (dist/client) at /, with index.html for every other GET
// that is not under /api, so that links into client views (/?entity=…) load the app.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { NotFoundError } from './errors';

export function serveClient(app: Express, clientDir: string): void {
  const indexFile = path.join(clientDir, 'index.html');
  const built = fs.existsSync(indexFile);
  if (built) app.use(express.static(clientDir, { index: 'index.html', maxAge: 0 }));
  app.get('/{*splat}', (_req, res, next) => {
    if (!built)
      return next(
        new NotFoundError(
          `the web client is not built (no ${indexFile}); run npm run build, or use the API under /api`,
        ),
      );
    res.sendFile(indexFile);
  });
}
