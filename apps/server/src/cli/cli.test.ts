import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/relata.js');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'relata-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function relata(args: string[], env: Record<string, string> = {}, node = process.execPath) {
  const { DATABASE_URL: _, ...base } = process.env;
  const r = spawnSync(node, [bin, ...args], {
    env: { ...base, DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('relata command', () => {
  it('migrates, creates the admin, seeds demo data and passes doctor on the embedded database', () => {
    const m = relata(['migrate']);
    expect(m.code, m.out).toBe(0);
    expect(m.out).toContain('0001_foundation.sql');
    expect(relata(['migrate']).out).toContain('up to date');
    const a = relata(['create-admin', '--password', 'cli-admin-password']);
    expect(a.code, a.out).toBe(0);
    expect(a.out).toContain('Created admin@relata.local');
    expect(relata(['create-admin', '--password', 'short']).code).toBe(2);
    const s = relata(['seed', '--demo', '--scale', '50', '--seed', '7']);
    expect(s.code, s.out).toBe(0);
    expect(s.out).toMatch(/Seeded 50 contacts/);
    const d = relata(['doctor']);
    expect(d.code, d.out).toBe(0);
    expect(d.out).toContain('migrations: up to date');
  }, 240_000);

  it('explains bad usage and bad settings in one line, without a stack trace', () => {
    const u = relata(['frobnicate']);
    expect(u.code).toBe(2);
    expect(u.out).toContain('Unknown command');
    const bad = relata(['migrate'], { PORT: 'not-a-port' });
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('PORT');
    expect(bad.out).not.toContain('    at ');
  });

  it('refuses a too-old Node.js with a one-line explanation', () => {
    const old = ['/usr/bin/node', '/usr/local/bin/node'].find(
      (p) =>
        existsSync(p) &&
        spawnSync(p, ['-e', 'process.exit(Number(process.versions.node.split(".")[0]) < 22 ? 0 : 1)'])
          .status === 0,
    );
    if (!old) return; // no older Node on this machine: nothing to check against
    const r = relata(['doctor'], {}, old);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toContain('needs Node.js >= 22.12');
  });
});
