// The review queue: ingest stores the article and its extracted claims as pending
// proposals; accept (with corrections) puts a claim on the served graph at once; reject;
// repeats are harmless; every decision survives a restart through the journal.
import fs from 'node:fs';
import path from 'node:path';
import { loadDataset } from '../../../server/load/loadDataset';
import { readJournal } from '../../../server/load/readJournal';
import { ProposalNotFoundError, WriteConflictError, WriteInputError } from '../../../server/store/writeErrors';
import { ARTICLE, openStore, tempDataFolder } from './storeFixtures';

/** The field errors a write (which runs asynchronously) was refused with. */
async function inputErrors(write: Promise<unknown>): Promise<Array<{ path: string; message: string }>> {
  try {
    await write;
  } catch (error) {
    if (error instanceof WriteInputError) return error.errors;
    throw error;
  }
  throw new Error('expected a WriteInputError');
}

describe('WriteStore.ingest', () => {
  it('stores the document and its claims as pending proposals, skipping a quote not in the text', async () => {
    const dir = tempDataFolder();
    const { store, graphs } = openStore(dir);
    const before = graphs.current.version;
    const result = await store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
    store.close();
    expect(result.created).toBe(true);
    expect(result.document).toEqual({
      id: 'doc-2',
      date: '2024-02-01',
      title: 'Carol joins Acme',
      text: 'Carol White was appointed chief executive of Acme Corp in January 2024. Alice Smith reportedly called Carol White the same week.\n',
    });
    expect(
      result.proposals.map((p) => [
        p.id,
        p.status,
        p.claim.subject,
        p.claim.type,
        p.claim.object,
        p.newEntities.map((e) => e.id),
      ]),
    ).toEqual([
      ['doc-2.p1', 'pending', 'carol-white', 'holds_position', 'acme', ['carol-white']],
      ['doc-2.p2', 'pending', 'alice', 'in_contact_with', 'carol-white', ['carol-white']],
    ]);
    expect(result.proposals[0].newEntities[0]).toEqual({
      id: 'carol-white',
      type: 'person',
      name: 'Carol White',
      aliases: ['White'],
    });
    expect(result.skipped).toEqual([{ index: 2, reason: 'its quote is not a verbatim passage of the article body' }]);
    // The document is served at once; the graph itself is unchanged until a claim is accepted.
    expect(graphs.current.dataset.documents.has('doc-2')).toBe(true);
    expect(graphs.current.version).not.toBe(before);
    expect(graphs.current.graph.hasNode('carol-white')).toBe(false);
  });

  it('answers a repeated ingest of the same article with the stored proposals and writes nothing', async () => {
    const dir = tempDataFolder();
    const { store } = openStore(dir);
    await store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
    const size = fs.statSync(path.join(dir, 'journal.jsonl')).size;
    const again = await store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
    store.close();
    expect(again.created).toBe(false);
    expect(again.proposals.map((p) => p.id)).toEqual(['doc-2.p1', 'doc-2.p2']);
    expect(fs.statSync(path.join(dir, 'journal.jsonl')).size).toBe(size);
  });

  it('refuses a different article under a used document id', async () => {
    const { store } = openStore(tempDataFolder());
    try {
      await expect(store.ingest(ARTICLE, 'doc-1.txt', { author: 'cli' })).rejects.toThrow(
        new WriteConflictError(
          'a different document with id "doc-1" is already stored; send the article under another fileName',
        ),
      );
    } finally {
      store.close();
    }
  });

  it('names the field when the article or its file name is unusable', async () => {
    const { store } = openStore(tempDataFolder());
    try {
      expect(await inputErrors(store.ingest('no header here\nbody', 'x.txt', { author: 'cli' }))).toEqual([
        { path: 'text', message: 'line 1: the first line must be " date YYYY-MM-DD Title", found "no header here"' },
      ]);
      expect(await inputErrors(store.ingest(ARTICLE, '../escape.txt', { author: 'cli' }))).toEqual([
        {
          path: 'fileName',
          message:
            'expected a file name such as 107_some-article.txt: letters, digits, ".", "_" or "-", ending in .txt, no folders',
        },
      ]);
    } finally {
      store.close();
    }
  });

  it('names an article posted without a file name after its text', async () => {
    const { store } = openStore(tempDataFolder());
    const result = await store.ingest(ARTICLE, undefined, { author: 'cli' });
    store.close();
    expect(result.document.id).toMatch(/^article-[0-9a-f]{16}$/);
  });
});

describe('WriteStore.accept', () => {
  it('turns a proposal into a claim with a server-assigned id, creating its new entity, on the graph at once', async () => {
    const dir = tempDataFolder();
    const { store, graphs } = openStore(dir);
    await store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
    const result = await store.accept('doc-2.p1', {}, 'cli');
    store.close();
    expect(result.created).toBe(true);
    expect(result.claim).toEqual({
      addedBy: 'cli',
      addedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/),
      id: 'doc-2.c1',
      subject: 'carol-white',
      type: 'holds_position',
      object: 'acme',
      stance: 'asserts',
      document: 'doc-2',
      quote: 'Carol White was appointed chief executive of Acme Corp',
      date: '2024-01',
      quoteStart: 0,
      quoteEnd: 54,
    });
    expect(result.proposal).toMatchObject({ status: 'accepted', claimId: 'doc-2.c1', corrections: {} });
    const graph = graphs.current.graph;
    expect(graph.getNodeAttributes('carol-white')).toMatchObject({ label: 'Carol White', type: 'person', degree: 1 });
    const edge = graph.getEdgeAttributes('carol-white|holds_position|acme');
    expect(edge).toMatchObject({ status: 'reported', claimCount: 1, documents: ['doc-2'] });
    expect(edge.claims[0]).toMatchObject({
      id: 'doc-2.c1',
      quote: 'Carol White was appointed chief executive of Acme Corp',
      documentTitle: 'Carol joins Acme',
    });
    expect(graph.getAttribute('version')).toBe(graphs.current.version);
  });

  it('keeps the positions of the nodes already drawn', async () => {
    const { store, graphs } = openStore(tempDataFolder());
    graphs.current.graph.updateEachNodeAttributes((node, attributes) => ({
      ...attributes,
      x: node.length,
      y: -node.length,
    }));
    await store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
    await store.accept('doc-2.p2', {}, 'cli');
    store.close();
    expect(graphs.current.graph.getNodeAttributes('alice')).toMatchObject({ x: 5, y: -5 });
    const carol = graphs.current.graph.getNodeAttributes('carol-white');
    expect(Number.isFinite(carol.x) && Number.isFinite(carol.y)).toBe(true);
  });

  it('applies corrections: type, stance and a new entity named by the reviewer', async () => {
    const { store, graphs } = openStore(tempDataFolder());
    await store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
    const result = await store.accept(
      'doc-2.p2',
      {
        stance: 'asserts',
        type: 'associate_of',
        object: { name: 'Carla White', type: 'person', aliases: ['Carla'] },
      },
      'cli',
    );
    store.close();
    expect(result.claim).toMatchObject({
      id: 'doc-2.c2',
      subject: 'alice',
      type: 'associate_of',
      object: 'carla-white',
      stance: 'asserts',
    });
    expect(graphs.current.dataset.entities.get('carla-white')).toEqual({
      id: 'carla-white',
      type: 'person',
      name: 'Carla White',
      aliases: ['Carla'],
    });
    expect(graphs.current.dataset.entities.has('carol-white')).toBe(false);
    expect(graphs.current.graph.hasEdge('alice|associate_of|carla-white')).toBe(true);
  });

  it('accepting twice is harmless: the same claim comes back and nothing is written', async () => {
    const dir = tempDataFolder();
    const { store, graphs } = openStore(dir);
    await store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
    const first = await store.accept('doc-2.p1', {}, 'cli');
    const size = fs.statSync(path.join(dir, 'journal.jsonl')).size;
    const version = graphs.current.version;
    const second = await store.accept('doc-2.p1', {}, 'cli');
    store.close();
    expect(second).toEqual({ ...first, created: false });
    expect(fs.statSync(path.join(dir, 'journal.jsonl')).size).toBe(size);
    expect(graphs.current.version).toBe(version);
    expect(graphs.current.dataset.claims.filter((c) => c.id === 'doc-2.c1')).toHaveLength(1);
  });

  it('refuses other corrections on an accepted proposal, and accepting a rejected one', async () => {
    const { store } = openStore(tempDataFolder());
    await store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
    await store.accept('doc-2.p1', {}, 'cli');
    await store.reject('doc-2.p2', 'cli');
    try {
      await expect(store.accept('doc-2.p1', { stance: 'denies' }, 'cli')).rejects.toThrow(
        new WriteConflictError(
          'proposal "doc-2.p1" was already accepted as claim "doc-2.c1" with other corrections; correct that claim instead',
        ),
      );
      await expect(store.accept('doc-2.p2', {}, 'cli')).rejects.toThrow(
        new WriteConflictError('proposal "doc-2.p2" was rejected; it cannot be accepted'),
      );
      await expect(store.reject('doc-2.p1', 'cli')).rejects.toThrow(
        new WriteConflictError('proposal "doc-2.p1" was accepted as claim "doc-2.c1"; it cannot be rejected'),
      );
      await expect(store.accept('doc-2.p9', {}, 'cli')).rejects.toThrow(new ProposalNotFoundError('doc-2.p9'));
    } finally {
      store.close();
    }
  });

  it('names each field a correction gets wrong, and journals none of the refused accepts', async () => {
    const dir = tempDataFolder();
    const { store } = openStore(dir);
    await store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
    try {
      expect(
        await inputErrors(store.accept('doc-2.p1', { type: 'married', stance: 'guesses', subject: 'nobody' }, 'cli')),
      ).toEqual([
        { path: 'subject', message: 'unknown entity "nobody"' },
        {
          path: 'type',
          message:
            'unknown edge type "married"; expected one of holds_position, owns, operates, part_of, member_of, associate_of, in_contact_with, requested, acted_on_behalf_of, provided_access, restricted_access, funded, supported, criticized, used, attacked, sanctioned, linked_to',
        },
        { path: 'stance', message: 'unknown stance "guesses"; expected one of asserts, alleges, denies, confirms' },
      ]);
      expect(await inputErrors(store.accept('doc-2.p1', { type: 'member_of', object: 'widget' }, 'cli'))).toEqual([
        {
          path: 'type',
          message:
            'edge type "member_of" does not allow person → service (allowed: person/country/organization → organization)',
        },
      ]);
      expect(
        await inputErrors(
          store.accept('doc-2.p1', { object: { name: 'Acme Holdings', type: 'organization', kind: 'cartel' } }, 'cli'),
        ),
      ).toEqual([
        {
          path: 'object.kind',
          message:
            'unknown organization kind "cartel"; expected one of company, media, government, military, intelligence, party, ngo, other',
        },
      ]);
      expect(await inputErrors(store.accept('doc-2.p1', { subject: { name: 'Carol', type: 'robot' } }, 'cli'))).toEqual(
        [
          {
            path: 'subject.type',
            message: 'unknown node type "robot"; expected one of person, organization, country, service',
          },
        ],
      );
    } finally {
      store.close();
    }
    expect(readJournal(dir).lines.map((l) => l.entry.kind)).toEqual(['ingest']);
  });
});

describe('restart', () => {
  it('replays ingest, accept and reject: the claims load and the queue keeps its decisions', async () => {
    const dir = tempDataFolder();
    const first = openStore(dir);
    await first.store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
    await first.store.accept('doc-2.p1', {}, 'cli');
    await first.store.reject('doc-2.p2', 'cli');
    first.store.close();

    const again = openStore(dir);
    again.store.close();
    expect(again.store.proposals().map((p) => [p.id, p.status, p.claimId])).toEqual([
      ['doc-2.p1', 'accepted', 'doc-2.c1'],
      ['doc-2.p2', 'rejected', undefined],
    ]);
    const dataset = again.graphs.current.dataset;
    expect(dataset.documents.get('doc-2')?.title).toBe('Carol joins Acme');
    expect(dataset.claims.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'doc-2.c1']);
    expect(dataset.entities.get('carol-white')?.name).toBe('Carol White');
    expect(again.graphs.current.graph.hasEdge('carol-white|holds_position|acme')).toBe(true);
  });

  it('skips a torn last line, reports it once, and loses no earlier entry', async () => {
    const dir = tempDataFolder();
    const first = openStore(dir);
    await first.store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
    await first.store.accept('doc-2.p1', {}, 'cli');
    first.store.close();
    fs.appendFileSync(path.join(dir, 'journal.jsonl'), '{"kind":"accept","at":"2024-');

    const warnings: string[] = [];
    expect(loadDataset(dir, { onWarning: (p) => warnings.push(p.message) }).claims.map((c) => c.id)).toContain(
      'doc-2.c1',
    );
    expect(warnings).toEqual([
      'ignored an incomplete last entry (28 bytes, a write interrupted by a crash; it was never acknowledged); every earlier entry is intact',
    ]);

    const reopened: string[] = [];
    const again = openStore(dir, reopened);
    await again.store.accept('doc-2.p2', {}, 'cli');
    again.store.close();
    expect(reopened).toEqual(warnings);
    expect(loadDataset(dir, { onWarning: () => reopened.push('again') }).claims.map((c) => c.id)).toEqual([
      'c1',
      'c2',
      'c3',
      'doc-2.c1',
      'doc-2.c2',
    ]);
    expect(reopened).toHaveLength(1);
  });
});
