// The three roles and the route groups each one opens, without zod, so the client can
// decide which controls to show from the same table the server enforces.
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The route groups: read (every read route), review (the proposals and review queue),
 * curate (ingest, review decisions and every curation change), admin (users, compaction).
 */
export const ACCESS_GROUPS = ['read', 'review', 'curate', 'admin'] as const;
export type AccessGroup = (typeof ACCESS_GROUPS)[number];

/** The least role each group needs; a role includes every role before it in ROLES. */
export const ROLE_NEEDED: Record<AccessGroup, Role> = {
  read: 'reader',
  review: 'editor',
  curate: 'editor',
  admin: 'admin',
};

export function roleAllows(role: Role, group: AccessGroup): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(ROLE_NEEDED[group]);
}
