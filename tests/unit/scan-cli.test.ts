import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const ARTICLE = join(ROOT, 'assets', 'articles', '000_78f937a108842e39.txt');
const dir = mkdtempSync(join(tmpdir(), 'dossier-scan-'));

interface Printed {
  start: number;
  end: number;
  text: string;
  id: string;
  name: string;
  category: string;
  alias: string;
}

function scan(...args: string[]) {
  const result = spawnSync(TSX, ['scripts/scan.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('scan CLI on good input', () => {
  it('prints the mentions of a text file as JSON with offsets into the file', () => {
    const { status, stdout, stderr } = scan(ARTICLE);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const mentions = JSON.parse(stdout) as Printed[];
    const text = readFileSync(ARTICLE, 'utf8');
    expect(mentions.length).toBeGreaterThan(20);
    for (const m of mentions) {
      expect(Object.keys(m).sort()).toEqual(['alias', 'category', 'end', 'id', 'name', 'start', 'text']);
      expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    const peskov = text.indexOf('Dmitry Peskov');
    expect(mentions.find((m) => m.start === peskov)).toMatchObject({ text: 'Dmitry Peskov', category: 'people' });
  }, 60_000);

  it('scans only the visible text of an HTML page, block by block', () => {
    const html = file(
      'page.html',
      `<!doctype html><html><head><title>Putin title</title><style>.Trump{}</style></head><body>
      <script>var Putin = "Kremlin";</script><noscript>Putin</noscript><template><p>Putin</p></template>
      <h1>Kremlin</h1><p hidden>Putin hidden</p><p style="display:none">Putin none</p>
      <p>Russian President <b>Vladimir</b>
         <i>Putin</i> met Trump’s envoy.</p><div>Zelensky</div><div>Putinism</div></body></html>`,
    );
    const { status, stdout } = scan(html);
    expect(status).toBe(0);
    const mentions = JSON.parse(stdout) as Printed[];
    expect(mentions.map((m) => m.text)).toEqual(['Kremlin', 'Vladimir Putin', 'Trump', 'Zelensky']);
    expect(mentions[0]).toMatchObject({ start: 0, end: 7 });
    // Blocks are separate lines: "Kremlin" then the paragraph on the next line.
    expect(mentions[1]!.start).toBe('Kremlin\nRussian President '.length);
  }, 60_000);

  it('prints an empty array when nothing is mentioned', () => {
    const { status, stdout } = scan(file('none.txt', 'The weather was fine and nobody was named.\n'));
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  }, 60_000);
});

describe('scan CLI on bad input', () => {
  const cases: [string, () => string, number, RegExp][] = [
    ['a missing file', () => join(dir, 'nope.txt'), 2, /no such file/],
    ['a directory', () => dir, 2, /is a directory/],
    ['a binary file', () => file('b.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff])), 1, /binary/],
    ['an empty file', () => file('e.txt', ''), 1, /empty/],
    ['a white-space-only file', () => file('w.html', '  \n\t\n'), 1, /empty/],
    ['an unsupported extension', () => file('a.pdf', 'Putin'), 2, /unsupported file type "\.pdf"/],
    ['a file that is not UTF-8', () => file('l.txt', Buffer.from([0x50, 0x75, 0x74, 0x69, 0x6e, 0xe9, 0x20])), 1, /UTF-8/],
  ];
  for (const [label, make, code, reason] of cases) {
    it(`reports ${label} on one line, without a stack trace`, () => {
      const path = make();
      const { status, stdout, stderr } = scan(path);
      expect(status).toBe(code);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(new RegExp(`^scan: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(stderr).toMatch(reason);
      expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }, 60_000);
  }
  it('prints usage without a file argument', () => {
    const { status, stderr } = scan();
    expect(status).toBe(2);
    expect(stderr).toMatch(/^usage: npm run -s scan -- <file/);
  }, 60_000);
});
