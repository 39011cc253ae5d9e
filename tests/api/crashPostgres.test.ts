// Durability on PostgreSQL: a real `claimgraph serve --database URL` is killed with SIGKILL
// in the middle of a burst of every kind of write, then restarted on the same database;
// every write answered 2xx must be there, no event may be recorded twice, and the
// database must load on its own. Twenty cycles by default (CRASH_CYCLES), each killed
// after a random 3 to 14 answers (seeded). The loop is crashCycles.ts, the same for the
// data folder (crash.test.ts).
import { describeCrashLoop } from './crashCycles';

describeCrashLoop('postgres');
