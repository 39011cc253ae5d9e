// A merge's answer reuses the journal's text of its event: the answer must be exactly
// JSON.stringify's, wherever and however often the event occurs in it.
import { entryText, rememberEntryText, stringifyWithEntry } from '../../../server/model/entryText';

const event = {
  kind: 'mergeEntities',
  id: 'e7',
  claims: [{ claim: 'c1', before: { id: 'c1', subject: 'a' }, after: { id: 'c1', subject: 'b' }, version: 2 }],
  reason: undefined,
  note: 'a "quoted" \u0000 text',
};

describe('stringifyWithEntry', () => {
  it('writes what JSON.stringify writes, with the event twice', () => {
    const answer = { event, entity: { entity: { id: 'b', aliases: ['A'] }, version: 3, lastEvent: event } };
    expect(stringifyWithEntry(answer, event)).toBe(JSON.stringify(answer));
  });

  it('writes what JSON.stringify writes when the event is not in the value', () => {
    const answer = { entity: { id: 'b' }, other: { ...event } };
    expect(stringifyWithEntry(answer, event)).toBe(JSON.stringify(answer));
  });

  it('takes the text the journal wrote for this very object, and only for it', () => {
    const written = { kind: 'splitEntity', id: 'e8' };
    rememberEntryText(written, JSON.stringify(written));
    expect(entryText(written)).toBe('{"kind":"splitEntity","id":"e8"}');
    expect(stringifyWithEntry({ event: written, lastEvent: written }, written)).toBe(
      '{"event":{"kind":"splitEntity","id":"e8"},"lastEvent":{"kind":"splitEntity","id":"e8"}}',
    );
    expect(entryText({ kind: 'splitEntity', id: 'e9' })).toBe('{"kind":"splitEntity","id":"e9"}');
  });
});
