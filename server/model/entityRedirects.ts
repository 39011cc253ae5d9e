// Where a merged entity went: each entity merged away keeps its id as a redirect to the
// entity it was merged into, so links, bookmarks and API calls naming the old id still
// arrive. The data folder keeps them in redirects.json (written by compaction, joined by
// the journal's merges); a survivor merged away later makes a chain, followed to its end.
import { z } from 'zod';
import { entityIdSchema } from './records';

export const entityRedirectSchema = z.strictObject({
  /** The id of the entity merged away: no entity has it any more, and none will. */
  id: entityIdSchema,
  /** The entity it was merged into (itself possibly merged away later). */
  into: entityIdSchema,
});

export type EntityRedirect = z.infer<typeof entityRedirectSchema>;

/** The body of a 301 for a merged entity's id (its Location says the same). */
export const movedEntitySchema = z.object({
  id: z.string().meta({ description: 'the id asked for: an entity merged away' }),
  mergedInto: z.string().meta({ description: 'the entity it is part of now' }),
});

/** The entity `id` ends up in by following redirects, or undefined when `id` was never merged away. */
export function survivorOf(redirects: ReadonlyMap<string, EntityRedirect>, id: string): string | undefined {
  const first = redirects.get(id);
  if (first === undefined) return undefined;
  let current: string = first.into;
  // A chain is at most as long as the map; a cycle (a broken folder) stops there.
  for (let hops = 0; hops < redirects.size; hops++) {
    const next: EntityRedirect | undefined = redirects.get(current);
    if (next === undefined) return current;
    current = next.into;
  }
  return current;
}
