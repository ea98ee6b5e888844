// After install: drop the C headers that ship inside the pinned Node.js package (about 67 MB).
// Relata builds no native addons, and npm builds addons against the system headers anyway.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const dir = path.join('node_modules', 'node', 'node_modules');
try {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('node-')) rmSync(path.join(dir, name, 'include'), { recursive: true, force: true });
  }
} catch {
  // No pinned Node here (e.g. production install without dev dependencies): nothing to trim.
}
