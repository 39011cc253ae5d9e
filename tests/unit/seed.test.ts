// The seed dataset says what the seed article says: the key facts exist as edges with
// the status the article's wording gives them, and every claim quotes the article.
import path from 'node:path';
import { buildGraph } from '../../server/graph/buildGraph';
import { loadDataset } from '../../server/load/loadDataset';

const dataset = loadDataset(path.join(__dirname, '..', '..', 'graph-data'));
const graph = buildGraph(dataset);
const edge = (key: string) => graph.getEdgeAttributes(key);

describe('the seed dataset', () => {
  it('holds the seed article as its first document', () => {
    expect([...dataset.documents.keys()]).toEqual(['000_57d8c84b7f0fe012']);
    expect(dataset.documents.get('000_57d8c84b7f0fe012')).toMatchObject({
      date: '2024-10-25',
      title: "Musk in 'secret contact' with Putin, claims bombshell report",
    });
  });

  it('has 15 entities, 23 claims and 19 relations', () => {
    expect([dataset.entities.size, dataset.claims.length, graph.size]).toEqual([15, 23, 19]);
  });

  it('Musk–Putin contact: alleged via the WSJ and intelligence sources, denied by Peskov, so disputed', () => {
    const contact = edge('elon-musk|in_contact_with|vladimir-putin');
    expect(contact.status).toBe('disputed');
    expect(contact.label).toBe('disputed contact');
    expect(contact.claims.map((c) => [c.stance, c.attributedTo])).toEqual([
      ['alleges', 'the-wall-street-journal'],
      ['alleges', 'intelligence sources (via The Wall Street Journal)'],
      ['alleges', 'the-wall-street-journal'],
      ['denies', 'dmitry-peskov'],
    ]);
    expect([contact.firstDate, contact.lastDate]).toEqual(['2022-10', '2024']);
  });

  it("the Kremlin's one phone call with Musk is confirmed", () => {
    expect(edge('elon-musk|in_contact_with|kremlin').status).toBe('confirmed');
  });

  it("Putin's request over Starlink and Taiwan, as a favour to Xi, is alleged", () => {
    expect(edge('vladimir-putin|requested|elon-musk')).toMatchObject({ status: 'alleged', label: 'alleged request' });
    expect(edge('vladimir-putin|requested|elon-musk').claims[0].summary).toBe('not to activate Starlink over Taiwan');
    expect(edge('vladimir-putin|acted_on_behalf_of|xi-jinping').status).toBe('alleged');
    expect(edge('country:TW|linked_to|starlink').status).toBe('alleged');
  });

  it('Starlink in Ukraine: free access, then restricted; Russia invaded Ukraine', () => {
    expect(edge('elon-musk|provided_access|country:UA')).toMatchObject({
      status: 'reported',
      label: 'provided access',
      firstDate: '2022',
    });
    expect(edge('elon-musk|restricted_access|country:UA').status).toBe('reported');
    expect(edge('country:RU|attacked|country:UA')).toMatchObject({ status: 'reported', firstDate: '2022-02' });
  });

  it("Russia's use of Starlink is alleged, attributed to Ukrainian military intelligence", () => {
    const use = edge('country:RU|used|starlink');
    expect(use.status).toBe('alleged');
    expect(use.claims[0].attributedTo).toBe('ukrainian-military-intelligence');
  });

  it("Musk's criticism of US support for Ukraine and his support of Trump's campaign", () => {
    expect(edge('elon-musk|criticized|country:US').status).toBe('reported');
    expect(edge('country:US|supported|country:UA').status).toBe('reported');
    expect(edge('elon-musk|supported|donald-trump')).toMatchObject({ status: 'reported', firstDate: '2024' });
  });

  it('positions held and control of Starlink', () => {
    expect(edge('vladimir-putin|holds_position|country:RU').claims[0].role).toBe('President');
    expect(edge('xi-jinping|holds_position|country:CN').claims[0].role).toBe('President');
    expect(edge('dmitry-peskov|holds_position|kremlin').claims[0].role).toBe('spokesperson');
    expect(edge('elon-musk|owns|starlink').status).toBe('reported');
  });

  it('entities carry the surface forms the article uses (names may be canonical, aliases are quoted forms)', () => {
    expect(dataset.entities.get('elon-musk')!.aliases).toEqual(['Musk', 'Tech billionaire Elon Musk']);
    expect(dataset.entities.get('vladimir-putin')!.aliases).toEqual(['Putin', 'Russian President Vladimir Putin']);
    expect(dataset.entities.get('xi-jinping')!.aliases).toEqual(['Chinese President Xi Jinping']);
    const text = dataset.documents.get('000_57d8c84b7f0fe012')!.text;
    for (const entity of dataset.entities.values()) {
      for (const form of entity.aliases) expect({ form, found: text.includes(form) }).toEqual({ form, found: true });
    }
  });

  it('every claim quotes the article verbatim, at its offsets', () => {
    const text = dataset.documents.get('000_57d8c84b7f0fe012')!.text;
    for (const claim of dataset.claims) expect(text.slice(claim.quoteStart, claim.quoteEnd)).toBe(claim.quote);
  });
});
