/**
 * `npm run bench [area...]` runs every bench/<area>.bench.ts (or the named ones) one after another.
 * Each module exports `run(): Promise<void>` and writes bench/results/<area>.json through writeResult.
 */
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const areas = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''))
  .filter((a) => wanted.length === 0 || wanted.includes(a))
  .sort();

for (const area of areas) {
  console.log(`\n== bench ${area}`);
  const mod = (await import(`./${area}.bench.ts`)) as { run: () => Promise<void> };
  await mod.run();
}
