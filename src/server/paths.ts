import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (where package.json is), from the sources or from the bundle in dist/server. */
function findRoot(from: string): string {
  let dir = path.dirname(from);
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${from}`);
    dir = up;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(fileURLToPath(import.meta.url));
export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'drizzle');
export const WEB_ROOT = path.join(PROJECT_ROOT, 'dist/web');
