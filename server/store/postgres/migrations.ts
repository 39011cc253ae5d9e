// The PostgreSQL schema, as numbered migrations applied in order (migrate.ts). Plain tables
// one can query by hand. The base tables hold what a data folder's files hold (documents,
// entities, claims, redirects, the vocabulary, proposals, history.jsonl, users, document
// originals); `events` holds what journal.jsonl holds: the events since the last
// compaction, in commit order (seq). Start-up reads the base tables and replays the events
// with the loader's own replay, as it does for a folder.
//
// Records are `json`, not `jsonb`: json keeps the text as written, key order included, so
// an event reads back as the exact journal line and a record's attributes keep their order
// (the exports list them in it). The `->`/`->>` operators work on json all the same.
// A migration once released is never edited: a change is a new migration at the end.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const initial = `
-- One row: the version (content hash) of what the base tables hold, as the folder they
-- came from had it, so a graph loaded from here carries the same version as one loaded
-- from the folder (the layout cache and ETags key on it).
CREATE TABLE dataset_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  base_content_hash text NOT NULL
);

-- The folder's vocabulary.json as written; no row: the embedded default vocabulary.
CREATE TABLE vocabulary (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  body json NOT NULL
);

-- documents/<file_name>: source is the file's text (header line and body).
CREATE TABLE documents (
  id text PRIMARY KEY,
  file_name text NOT NULL UNIQUE,
  title text NOT NULL,
  published date NOT NULL,
  url text,
  source text NOT NULL,
  position integer NOT NULL UNIQUE
);

-- documents/originals/<file_name>: the file a converted document came as (Markdown, HTML, PDF).
CREATE TABLE document_originals (
  document text PRIMARY KEY,
  file_name text NOT NULL UNIQUE,
  content_type text NOT NULL,
  bytes bytea NOT NULL
);

-- file: the data-folder file the record is in (entities.json, entities/0001.json…);
-- position: its place in the order the loader reads records (files in name order, then index).
CREATE TABLE entities (
  id text PRIMARY KEY,
  type text NOT NULL,
  name text NOT NULL,
  record json NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  file text NOT NULL,
  position bigint NOT NULL UNIQUE
);
CREATE INDEX entities_type ON entities (type);

CREATE TABLE claims (
  id text PRIMARY KEY,
  subject text NOT NULL,
  type text NOT NULL,
  object text NOT NULL,
  stance text NOT NULL,
  document text,
  record json NOT NULL,
  status text NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'retracted')),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  file text NOT NULL,
  position bigint NOT NULL UNIQUE
);
CREATE INDEX claims_subject ON claims (subject);
CREATE INDEX claims_object ON claims (object);
CREATE INDEX claims_document ON claims (document);

-- redirects.json: an entity merged away (id) and the survivor it went into.
CREATE TABLE redirects (
  id text PRIMARY KEY,
  survivor text NOT NULL,
  file text NOT NULL,
  position bigint NOT NULL UNIQUE
);

-- proposals.json: the review queue, pending and decided, in ingest order.
CREATE TABLE proposals (
  id text PRIMARY KEY,
  document text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
  body json NOT NULL,
  position bigint NOT NULL UNIQUE
);
CREATE INDEX proposals_document ON proposals (document);

-- journal.jsonl: every event since the last compaction, in commit order. body is the
-- journal entry exactly; id, at, author and kind are copied out of it for queries
-- (ingest, accept and reject entries have no id; at is null when it is not a time).
CREATE TABLE events (
  seq bigserial PRIMARY KEY,
  id text UNIQUE,
  at timestamptz,
  author text,
  kind text NOT NULL,
  body json NOT NULL
);

-- history.jsonl: the curation events compaction moved out of the journal, oldest first.
CREATE TABLE history (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  at timestamptz,
  author text,
  kind text NOT NULL,
  body json NOT NULL
);

-- users.json: who may read and write; only a token's SHA-256 is kept.
CREATE TABLE users (
  name text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
  token_sha256 text NOT NULL CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  created_at text NOT NULL,
  revoked_at text,
  position integer NOT NULL UNIQUE
);

-- "Not the same" decisions between two entities (a duplicate candidate judged distinct).
CREATE TABLE judgements (
  id text PRIMARY KEY,
  entity_a text NOT NULL,
  entity_b text NOT NULL,
  judgement text NOT NULL,
  at timestamptz NOT NULL,
  author text,
  body json NOT NULL,
  CHECK (entity_a < entity_b)
);
CREATE INDEX judgements_entities ON judgements (entity_a, entity_b);
`;

const folderLayout = `
-- Each records file of the folder the data came from, so \`db export\` writes the same files
-- in the same text layout (recordFileLayout.ts; layout null: none it reproduces, written
-- indented). kind proposals is proposals.json, with its $comment.
CREATE TABLE record_files (
  file text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('entities', 'claims', 'redirects', 'proposals')),
  layout text CHECK (layout IN ('indented', 'lines', 'compact')),
  final_newline boolean NOT NULL DEFAULT true,
  comment text,
  position integer NOT NULL UNIQUE
);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001_initial', sql: initial },
  { version: 2, name: '002_record_files', sql: folderLayout },
];
