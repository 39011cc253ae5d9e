// GET /api/export: the filtered graph as a download in every registered format.
import request from 'supertest';
import { exportFormats } from '../../server/export';
import { expectProblem, seedApp } from './seedApp';

const { app } = seedApp();

describe('GET /api/export', () => {
  it('sends graph JSON by default, as an attachment, with the claims', async () => {
    const res = await request(app).get('/api/export').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename=claimgraph.json');
    const graph = JSON.parse(res.text);
    expect([graph.nodes.length, graph.edges.length]).toEqual([15, 19]);
    const owns = graph.edges.find((edge: { key: string }) => edge.key === 'elon-musk|owns|starlink');
    expect(owns.attributes.claims[0].quote).toBe("Musk's Starlink service was instrumental in Ukraine");
  });

  it('applies the shared filters', async () => {
    const res = await request(app).get('/api/export?format=json&status=alleged').expect(200);
    expect(JSON.parse(res.text).edges.map((edge: { key: string }) => edge.key)).toEqual([
      'country:RU|used|starlink',
      'country:TW|linked_to|starlink',
      'vladimir-putin|acted_on_behalf_of|xi-jinping',
      'vladimir-putin|requested|elon-musk',
    ]);
  });

  it.each(exportFormats.map((format) => [format.name, format]))(
    'serves every registered format: %s',
    async (_name, format) => {
      const res = await request(app)
        .get(`/api/export?format=${encodeURIComponent(format.name)}&nodeTypes=person`)
        .expect(200);
      expect(res.headers['content-type']).toBe(format.contentType.replace(/; */g, '; '));
      expect(res.headers['content-disposition']).toBe(`attachment; filename=claimgraph.${format.extension}`);
      expect(res.headers.etag).toMatch(/^W\/"/);
      expect(res.text.length).toBeGreaterThan(0);
    },
  );

  it('rejects an unknown format, listing the known ones', async () => {
    const names = exportFormats.map((format) => format.name).join(', ');
    expectProblem(await request(app).get('/api/export?format=xml'), 400, [
      { path: 'format', message: `unknown format "xml"; expected one of ${names}` },
    ]);
  });

  it('rejects bad filters', async () => {
    expectProblem(await request(app).get('/api/export?format=json&knownAt=2022-13'), 400, [
      { path: 'knownAt', message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar' },
    ]);
  });
});
