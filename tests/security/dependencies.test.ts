// The lock file pins path-to-regexp (Express 5's router) at 8.4 or later,
// the release with the fix for the regular-expression denial of service in route
// matching. (`npm audit --omit=dev` is the other half; it needs the registry, so it is
// run by hand and its result recorded in README.md's security section.)
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

function atLeast(version: string, minimum: [number, number, number]): boolean {
  const parts = version.split(/[.+-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) if (parts[i] !== minimum[i]) return parts[i] > minimum[i];
  return true;
}

describe('locked dependencies', () => {
  it('every copy of path-to-regexp in the lock file is 8.4.0 or later', () => {
    const copies = Object.entries(lock.packages).filter(
      ([where]) => where === 'node_modules/path-to-regexp' || where.endsWith('/node_modules/path-to-regexp'),
    );
    expect(copies.length).toBeGreaterThan(0);
    for (const [where, { version }] of copies)
      expect(`${where}@${version}: ${atLeast(version ?? '0.0.0', [8, 4, 0])}`).toBe(`${where}@${version}: true`);
  });

  it('the installed copy Express uses is the locked one', () => {
    // Express's router resolves the top-level copy: it has none of its own.
    expect(fs.existsSync(path.join(root, 'node_modules', 'router', 'node_modules', 'path-to-regexp'))).toBe(false);
    const installed = JSON.parse(
      fs.readFileSync(path.join(root, 'node_modules', 'path-to-regexp', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(atLeast(installed.version, [8, 4, 0])).toBe(true);
    expect(installed.version).toBe(lock.packages['node_modules/path-to-regexp'].version);
  });

  it('compares versions numerically', () => {
    expect([
      atLeast('8.4.0', [8, 4, 0]),
      atLeast('8.10.1', [8, 4, 0]),
      atLeast('8.3.9', [8, 4, 0]),
      atLeast('0.1.12', [8, 4, 0]),
      atLeast('9.0.0', [8, 4, 0]),
    ]).toEqual([true, true, false, false, true]);
  });
});
