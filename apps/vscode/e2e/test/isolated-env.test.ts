import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/environment.js';

// What setup.sh's nested npm sees when pnpm started us: pnpm's user agent naming another
// Node, and the other npm_* variables pnpm hands to every script it runs. code-server's
// postinstall read the Node version from that user agent and refused to install.
const ISOLATED = join(REPO_ROOT, 'scripts', 'isolated-env.sh');
const CALLER = {
  ...process.env,
  npm_config_user_agent: 'pnpm/10.34.8 npm/? node/v0.0.1-caller linux x64',
  npm_config_node_gyp: '/caller/node-gyp',
  NPM_CONFIG_PREFIX: '/caller/prefix',
  npm_lifecycle_event: 'test:e2e',
  npm_package_name: '@c66-backup/vscode-e2e',
  PNPM_SCRIPT_SRC_DIR: '/caller',
  NODE_OPTIONS: '--max-old-space-size=64',
  C66_KEPT: 'kept',
};

const project = mkdtempSync(join(tmpdir(), 'c66-isolated-env-'));
writeFileSync(
  join(project, 'package.json'),
  JSON.stringify({
    name: 'postinstall-probe',
    private: true,
    scripts: { probe: 'node -e "console.log(process.env.npm_config_user_agent)"' },
  }),
);
afterAll(() => rmSync(project, { recursive: true, force: true }));

function run(command: string[], env = CALLER): string {
  return execFileSync(command[0] as string, command.slice(1), {
    cwd: project,
    env,
    encoding: 'utf8',
  }).trim();
}

describe('scripts/isolated-env.sh', () => {
  it('drops every npm_*, pnpm_* and NODE_OPTIONS variable and keeps the rest', () => {
    const seen = Object.fromEntries(
      run(['bash', ISOLATED, 'env'])
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    const leaked = Object.keys(seen).filter((name) => /^(npm_|pnpm_|node_options$)/i.test(name));
    expect(leaked).toEqual([]);
    expect(seen.C66_KEPT).toBe('kept');
    expect(seen.PATH).toBe(process.env.PATH);
    expect(seen.HOME).toBe(process.env.HOME);
  });

  it('sets the variables given before the command', () => {
    const out = run(['bash', ISOLATED, 'npm_config_nodedir=/ours', 'C66_KEPT=set', 'env']);
    expect(out).toContain('npm_config_nodedir=/ours');
    expect(out).toContain('C66_KEPT=set');
  });

  it('lets a nested npm report its own Node to a postinstall, not the caller’s', () => {
    const node = run(['node', '-p', 'process.version'], { ...process.env });
    // The failure the wrapper exists for: without it, npm passes the caller's user agent on.
    expect(run(['npm', 'run', '--silent', 'probe'])).toContain('node/v0.0.1-caller');
    const isolated = run(['bash', ISOLATED, 'npm', 'run', '--silent', 'probe']);
    expect(isolated).toMatch(new RegExp(`^npm/\\S+ node/${node.replace(/\./g, '\\.')} `));
  });
});
