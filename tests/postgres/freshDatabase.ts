// A new, empty database for one test file or one test: CREATE DATABASE under a name no
// other worker or run uses, on the cluster of CLAIMGRAPH_TEST_DATABASE_URL (set by
// globalSetup.ts). Returns its URL and a drop function that ends its connections first.
import crypto from 'node:crypto';
import { Client } from 'pg';
import { POSTGRES_MISSING } from './throwawayCluster';

export interface FreshDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

let made = 0;

/** The cluster's URL, from jest's global set-up. */
export function testClusterUrl(): string {
  const url = process.env.CLAIMGRAPH_TEST_DATABASE_URL;
  if (!url)
    throw new Error(`CLAIMGRAPH_TEST_DATABASE_URL is unset: jest's globalSetup did not run. ${POSTGRES_MISSING}`);
  return url;
}

async function asAdmin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testClusterUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(label = 'test'): Promise<FreshDatabase> {
  made++;
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 20);
  const name = `claimgraph_${slug}_${process.pid}_${made}_${crypto.randomBytes(3).toString('hex')}`;
  await asAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(testClusterUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      asAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
