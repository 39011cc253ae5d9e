// Durability on the data folder: a real server process is killed with SIGKILL in the
// middle of a burst of every kind of write from several concurrent clients, then
// restarted on the same folder; every write answered 2xx must be there and the folder
// must load. Twenty cycles by default (CRASH_CYCLES), each killed after a random 3 to 14
// answers (seeded: the seed is printed when it fails). The loop is crashCycles.ts, the
// same for PostgreSQL (crashPostgres.test.ts).
import { describeCrashLoop } from './crashCycles';

describeCrashLoop('folder');
