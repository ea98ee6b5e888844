#!/usr/bin/env node
// The `relata` command. Checks the Node.js version, then loads the TypeScript CLI
// (Node >= 22.18 runs it directly; 22.12-22.17 need --experimental-strip-types).
import { spawnSync } from 'node:child_process';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `relata needs Node.js >= 22.12 (this is ${process.version}); run it through npm (npx relata, npm start) to use the pinned Node from node_modules, or install Node 24.`,
  );
  process.exit(1);
}
if (!process.features.typescript && !process.execArgv.includes('--experimental-strip-types')) {
  const r = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
