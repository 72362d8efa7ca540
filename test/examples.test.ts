import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The examples in README.md run, on the bundled data, and print what they claim.
const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const run = (file: string, ...args: string[]) =>
  execFileSync(tsx, [`examples/${file}`, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('examples', () => {
  it('word count', () => {
    const lines = run('word-count.ts').trimEnd().split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toMatch(/^\s+25\s+the$/);
  });

  it('top-5 URLs (same answer as the Unix pipeline)', () => {
    const out = run('top-urls.ts', 'examples/data/access.log', 'local');
    const unix = execFileSync('bash', ['-c', "LC_ALL=C awk '{print $7}' examples/data/access.log | sort | uniq -c | sort -rn | head -5"], {
      cwd: root,
      encoding: 'utf8',
    });
    const norm = (s: string) => s.trim().split('\n').map((l) => l.trim().split(/\s+/).join(' '));
    expect(norm(out)).toEqual(norm(unix));
  });

  it('inverted index', () => {
    const out = run('inverted-index.ts');
    expect(out).toMatch(/^kindling\s+fire\.txt, wood\.txt$/m);
    expect(out).toMatch(/^fire\s+fire\.txt, water\.txt$/m);
  });

  it('average per key', () => {
    expect(run('average-per-key.ts').trim().split('\n')).toEqual(['alice    84.33', 'bob      76.33', 'carol    91.00']);
  });

  it('reduce-side join', () => {
    const out = run('reduce-side-join.ts');
    expect(out).toMatch(/^1 Ada \(London\)\s+148\.40$/m);
    expect(out).toMatch(/^4 Barbara \(Boston\)\s+0\.00$/m);
    expect(out).toMatch(/^purchase with unknown user 6: desk$/m);
  });
});
