// Turns identifiers from imported files into ours. Entity ids must be slugs such as
// "elon-musk" or codes such as "country:RU"; a source's ids are kept when they already
// fit, else made into one (idFromKey), and made unique so two source ids never merge by accident.
import { entityIdSchema } from '../model/records';
import { idFromKey } from '../model/slug';

/** Hands out unique ids, keeping each preferred id when it is valid and still free. */
export class IdAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly fallback: string) {}

  reserve(id: string): void {
    this.used.add(id);
  }

  has(id: string): boolean {
    return this.used.has(id);
  }

  /** `preferred` itself if valid and free, else its id form, else the fallback, suffixed -2, -3… until free. */
  take(preferred: string): string {
    const base = entityIdSchema.safeParse(preferred).success ? preferred : idFromKey(preferred) || this.fallback;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/** A lower-case vocabulary identifier ("research group" → "research_group"), or undefined. */
export function toIdentifier(value: string): string | undefined {
  const id = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return /^[a-z][a-z0-9_]*$/.test(id) ? id : undefined;
}
