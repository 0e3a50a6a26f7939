// The release check's own checkers, shown to fail on what they look for (node --test,
// run by `pnpm release:check` before it checks the real artifacts).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeThirdPartyLicenses } from '../third-party-licenses.mjs';
import { identityProblems } from './identity.mjs';
import { tarballProblems } from './tarball-problems.mjs';

let work;
before(async () => {
  work = await mkdtemp(join(tmpdir(), 'c66-release-checks-'));
});
after(() => rm(work, { recursive: true, force: true }));

async function files(dir, map) {
  for (const [name, text] of Object.entries(map)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), typeof text === 'string' ? text : JSON.stringify(text));
  }
  return dir;
}

const good = {
  name: '@c66-backup/x',
  version: '1.0.0',
  description: 'x',
  license: 'MIT',
  keywords: ['x'],
  homepage: 'https://example.test',
  bugs: { url: 'https://example.test/issues' },
  repository: { type: 'git', url: 'git+https://github.com/o/n.git' },
  publishConfig: { access: 'public' },
};

describe('tarballProblems', () => {
  it('passes a complete package whose maps resolve', async () => {
    const dir = await files(join(work, 'good'), {
      'package.json': good,
      LICENSE: 'MIT',
      'README.md': '# x',
      'dist/a.js': '',
      'dist/a.js.map': { version: 3, sources: ['../src/a.ts'], mappings: '' },
      'src/a.ts': '',
    });
    assert.deepEqual((await tarballProblems(dir)).problems, []);
  });

  it('names every problem npm or a user would hit', async () => {
    const dir = await files(join(work, 'bad'), {
      'package.json': {
        ...good,
        private: true,
        repository: undefined,
        publishConfig: undefined,
        dependencies: { y: 'workspace:*' },
      },
      'dist/a.js.map': { version: 3, sources: ['../src/a.ts'], mappings: '' },
      'dist/a.test.js': '',
    });
    const { problems } = await tarballProblems(dir);
    for (const expected of [
      'no LICENSE',
      'no README.md',
      'private: true',
      'no repository',
      'restricted',
      'dependency y@workspace:*',
      'ships test files',
      'source ../src/a.ts',
    ])
      assert.ok(
        problems.some((p) => p.includes(expected)),
        `${expected} in ${problems.join('; ')}`,
      );
  });
});

describe('identityProblems', () => {
  it('flags a README naming another owner and a manifest with another homepage', async () => {
    const dir = join(work, 'repo');
    const root = {
      name: 'r',
      private: true,
      repository: { url: 'git+https://github.com/o/n.git' },
    };
    const pkg = {
      name: 'p',
      private: true,
      repository: { url: 'git+https://github.com/o/n.git', directory: 'packages/p' },
      homepage: 'https://github.com/o/n#readme',
      bugs: { url: 'https://github.com/o/n/issues' },
    };
    await files(dir, {
      'package.json': root,
      'packages/p/package.json': pkg,
      'README.md': '- uses: org/n@v1\n- uses: o/n@v1\n',
      LICENSE: 'MIT',
    });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const problems = identityProblems(dir);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems.join('\n'), /packages\/p\/package\.json: homepage/);
    assert.match(problems.join('\n'), /README\.md: names org\/n, expected o\/n/);
  });
});

describe('writeThirdPartyLicenses', () => {
  it('writes each bundled package with its license text, leaving out the package itself', async () => {
    const dir = await files(join(work, 'lic'), {
      'node_modules/a/package.json': { name: 'a', version: '1.2.3', license: 'MIT' },
      'node_modules/a/LICENSE.md': 'MIT text of a',
      'node_modules/a/index.js': '',
      'src/main.js': '',
      'package.json': { name: 'me', version: '0.0.0' },
    });
    const metafile = { inputs: { 'node_modules/a/index.js': {}, 'src/main.js': {} } };
    const out = join(dir, 'NOTICES.md');
    assert.deepEqual(
      await writeThirdPartyLicenses({ metafile, cwd: dir, outFile: out, self: 'me' }),
      ['a@1.2.3'],
    );
    const text = await readFile(out, 'utf8');
    assert.match(text, /## a@1\.2\.3 \(MIT\)\n\nMIT text of a/);
  });

  it('refuses a bundled package with neither a license file nor a license field', async () => {
    const dir = await files(join(work, 'nolic'), {
      'node_modules/b/package.json': { name: 'b', version: '1.0.0' },
      'node_modules/b/index.js': '',
    });
    const metafile = { inputs: { 'node_modules/b/index.js': {} } };
    await assert.rejects(
      writeThirdPartyLicenses({ metafile, cwd: dir, outFile: join(dir, 'N.md'), self: 'me' }),
      /b@1\.0\.0 has no license/,
    );
  });
});
