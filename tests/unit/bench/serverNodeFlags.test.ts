// The Node flags npm start gives the server, which the benchmark reuses. A young
// generation of at least 16 MiB: with V8's default (shrunk to about 1 MiB once the memory
// reducer has run), a server holding a 100k-entity graph spent a seventh of its time in
// scavenges under load and promoted request garbage into the old space.
import { execFileSync } from 'node:child_process';
import { serverNodeFlags } from '../../bench/benchPaths';

describe('serverNodeFlags', () => {
  it("reads npm start's flags from package.json", () => {
    expect(serverNodeFlags()).toEqual(['--min-semi-space-size=16']);
  });

  it('are flags this Node accepts, giving a 16 MiB young generation', () => {
    const out = execFileSync(
      process.execPath,
      [
        ...serverNodeFlags(),
        '-e',
        "console.log(require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size)",
      ],
      { encoding: 'utf8' },
    );
    expect(Number(out.trim())).toBe(16 * 1024 * 1024);
  });
});
