// Who may do what: the three roles, the route groups each one opens, and the users file
// that lives with the data (users.json in the data folder). A user is a name, a role and
// the SHA-256 of a random token: the token itself is shown once, when the user is made,
// and never stored. Shared by the server (which checks requests), the command line (which
// writes the file) and the client (which hides controls a role does not allow).
import { z } from 'zod';

export { ACCESS_GROUPS, ROLE_NEEDED, ROLES, roleAllows, type AccessGroup, type Role } from './roles';
import { ROLES, type Role } from './roles';

/** The user CLAIMGRAPH_TOKEN stands for: one admin, so set-ups from before users keep working. */
export const ENVIRONMENT_TOKEN_USER = 'token';

/** Letters, digits, ".", "_", "-" and "@": a name that reads well in history lines and needs no quoting. */
export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export const userNameSchema = z
  .string()
  .regex(
    USER_NAME,
    'expected a user name of 1 to 64 letters, digits, ".", "_", "-" or "@", starting with a letter or digit',
  );

export const userRecordSchema = z.strictObject({
  name: userNameSchema,
  role: z.enum(ROLES),
  /** SHA-256 of the token, hex. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits (a SHA-256)'),
  createdAt: z.string().min(1),
  /** Set when the token was revoked: the user stays in the file (history names them) but is refused. */
  revokedAt: z.string().min(1).optional(),
});

export const usersFileSchema = z.strictObject({
  users: z.array(userRecordSchema),
});

export type UserRecord = z.infer<typeof userRecordSchema>;
export type UsersFile = z.infer<typeof usersFileSchema>;

/** A person the server knows a request came from. */
export interface User {
  name: string;
  role: Role;
}
