// Shared by the API tests: the app over the seed dataset (graph-data/), built once per
// test file, and the checks every problem+json answer must pass.
import path from 'node:path';
import type { Express } from 'express';
import type { Response } from 'supertest';
import { openGraph } from '../../server/graph/openGraph';
import { createApp } from '../../server/http/app';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';

export const seedDir = path.join(__dirname, '..', '..', 'graph-data');
export const seedDocument = '000_57d8c84b7f0fe012';
export const seedTitle = "Musk in 'secret contact' with Putin, claims bombshell report";
/** No built client in API tests: the static routes are tested separately. */
export const noClientDir = path.join(__dirname, 'no-client-here');

let cached: { app: Express; store: GraphSnapshotHolder } | undefined;

export function seedApp(): { app: Express; store: GraphSnapshotHolder } {
  if (!cached) {
    const store = new GraphSnapshotHolder(snapshotOf(openGraph(seedDir)));
    cached = { app: createApp({ store, clientDir: noClientDir }), store };
  }
  return cached;
}

/** A 4xx/5xx answer is problem+json with the given status and field errors, and no stack trace. */
export function expectProblem(res: Response, status: number, errors?: Array<{ path: string; message: string }>): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.text) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: unknown;
  };
  expect(body.status).toBe(status);
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(res.text).not.toMatch(/\n\s+at |\.ts:\d+/);
  expect(res.headers.etag).toBeUndefined();
  if (errors) expect(body.errors).toEqual(errors);
}

export const edgeKeys = (body: { edges: Array<{ key: string }> }) => body.edges.map((edge) => edge.key);
export const nodeKeys = (body: { nodes: Array<{ key: string }> }) => body.nodes.map((node) => node.key);
