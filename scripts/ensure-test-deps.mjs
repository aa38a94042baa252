// `npm test` runs this first: the browser tests need Debian's Chromium and a CJK font. On a machine
// without them, install them when we can (root with apt-get); otherwise say what is missing.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'ignore' }).status === 0;
const missing = [];
if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
if (!has("fc-list | grep -qi 'WenQuanYi Zen Hei'")) missing.push('fonts-wqy-zenhei');

if (missing.length > 0) {
  if (process.getuid?.() === 0 && has('command -v apt-get')) {
    console.log(`test: installing ${missing.join(', ')} (Debian packages for the browser tests)…`);
    execSync('apt-get update -qq', { stdio: 'inherit' });
    execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, {
      stdio: 'inherit',
    });
  } else {
    console.error(`test: the browser tests need: sudo apt-get install ${missing.join(' ')}`);
    process.exit(1);
  }
}
