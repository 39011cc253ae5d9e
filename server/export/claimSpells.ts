// When an edge is on Gephi's timeline: the days its claims cover, as GEXF spells. Each
// claim covers the days of its dates (`date`, or `startDate` to `endDate`; "2022-10" is
// all of October 2022); claims whose days overlap or touch make one spell, so an edge
// with claims in 2022 and 2024 appears twice on the timeline, not across 2023. Gephi
// wants an element's intervals apart from one another, hence the merging. An edge
// without a dated claim gets no spell: in a dynamic GEXF it is there at every time.
import type { EdgeClaim } from '../model/graph';
import { prefixEnd, prefixStart } from '../model/dates';

export interface Spell {
  /** First day, YYYY-MM-DD (GEXF's timeformat "date"), inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

type DatedClaim = Pick<EdgeClaim, 'date' | 'startDate' | 'endDate'>;

/** The days one claim covers, or undefined when it has no date. */
export function claimSpell(claim: DatedClaim): Spell | undefined {
  const from = claim.startDate ?? claim.date ?? claim.endDate;
  const to = claim.endDate ?? claim.date ?? claim.startDate;
  if (from === undefined || to === undefined) return undefined;
  const start = prefixStart(from);
  const end = prefixEnd(to);
  // A period given backwards still covers the days between its ends.
  return start <= end ? { start, end } : { start: prefixStart(to), end: prefixEnd(from) };
}

/** The day after a YYYY-MM-DD day. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The claims' spells in time order, those that overlap or touch merged into one. */
export function claimSpells(claims: readonly DatedClaim[]): Spell[] {
  const spells: Spell[] = [];
  for (const claim of claims) {
    const spell = claim ? claimSpell(claim) : undefined;
    if (spell) spells.push(spell);
  }
  if (spells.length <= 1) return spells;
  spells.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: Spell[] = [{ ...spells[0] }];
  for (let i = 1; i < spells.length; i++) {
    const last = merged[merged.length - 1];
    const spell = spells[i];
    if (spell.start <= nextDay(last.end)) {
      if (spell.end > last.end) last.end = spell.end;
    } else merged.push({ ...spell });
  }
  return merged;
}
