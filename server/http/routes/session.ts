// GET /api/session: what the page needs to know before it shows anything — whether reads
// need signing in, whether writes are on, and who the token belongs to (so the explorer
// shows the user's name and only the controls their role allows). GET /api/users: who
// exists and with which role, for admins (tokens are never shown: only their hashes are kept).
import {
  noQuerySchema,
  sessionResponseSchema,
  usersResponseSchema,
  type SessionResponse,
  type UsersResponse,
} from '../../model/api';
import { defineRoute } from '../route';

export const sessionRoute = defineRoute({
  path: '/api/session',
  operationId: 'getSession',
  tag: 'access',
  summary: 'Whether reads need signing in, whether writes are on, and the signed-in user',
  query: noQuerySchema,
  response: { description: 'the session', schema: sessionResponseSchema },
  cacheable: false,
  access: 'public',
  handle: (_input, { user, readsNeedToken, writes }): SessionResponse => ({
    reads: readsNeedToken ? 'signed-in' : 'open',
    writes: writes?.writable === true,
    ...(user ? { user: { name: user.name, role: user.role } } : {}),
  }),
});

export const usersRoute = defineRoute({
  path: '/api/users',
  operationId: 'listUsers',
  tag: 'access',
  summary: 'Every user with their role (admins only)',
  query: noQuerySchema,
  response: { description: 'the users, revoked ones included', schema: usersResponseSchema },
  cacheable: false,
  access: 'admin',
  handle: (_input, { users }): UsersResponse => ({ users: users.list() }),
});
