// Evidence strength as the vocabulary orders its statuses (confirmed first, denied last):
// used to put the strongest relation first where several compete.
import type { VocabularyIndex } from '../model/vocabulary';

export function statusRank(vocabulary: VocabularyIndex): (status: string) => number {
  const order = new Map(vocabulary.vocabulary.statuses.map((status, index) => [status.id, index]));
  return (status) => order.get(status) ?? order.size;
}
