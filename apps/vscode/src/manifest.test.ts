import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestProblems } from '../scripts/manifest-problems.mjs';
import { marketplaceProblems } from '../scripts/marketplace-problems.mjs';
import { COMMAND_HANDLERS } from './commands/register-commands.js';
import { COMMANDS, CONTEXT, SIGNED_IN_CONTEXT, VIEW_ID } from './ids.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const declared: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);

describe('manifest', () => {
  it('has commands, menus, views, welcome and activation events that line up', () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('declares exactly the commands the code registers', () => {
    expect([...declared].sort()).toEqual(Object.values(COMMANDS).sort());
    expect(Object.keys(COMMAND_HANDLERS).sort()).toEqual(Object.values(COMMANDS).sort());
  });

  it('uses the ids and context values the code uses', () => {
    expect(manifest.contributes.views.c66Backup.map((v: { id: string }) => v.id)).toEqual([
      VIEW_ID,
    ]);
    expect(manifest.contributes.viewsWelcome[0].when).toBe(`!${SIGNED_IN_CONTEXT}`);
    const items = new Set<string>();
    for (const entry of manifest.contributes.menus['view/item/context']) {
      for (const [, value] of entry.when.matchAll(/viewItem == ([\w.]+)/g)) items.add(value);
    }
    const known = new Set<string>(Object.values(CONTEXT));
    expect([...items].filter((v) => !known.has(v))).toEqual([]);
    expect(manifest.main).toBe('./dist/extension.js');
    // VS Code 1.74+ activates on the contributed view and commands by itself.
    expect(manifest.activationEvents).toBeUndefined();
  });

  it('catches a menu naming a missing command or view', () => {
    const broken = structuredClone(manifest);
    broken.contributes.menus['view/title'].push({
      command: 'c66Backup.nope',
      when: 'view == c66Backup.nope',
    });
    expect(manifestProblems(broken)).toEqual([
      'menu view/title names an unknown command c66Backup.nope',
      'menu view/title (c66Backup.nope) names an unknown view c66Backup.nope',
    ]);
    expect(manifestProblems(manifest, 'a bundle that registers nothing')).toContain(
      'command c66Backup.signIn is declared but the bundle never registers it',
    );
  });
});

describe('marketplace checks of the packaged manifest', () => {
  const icon = readFileSync(new URL('../media/icon.png', import.meta.url));
  const raw = 'https://github.com/c66-backup/c66-backup/raw/HEAD/apps/vscode/media/screenshot.png';
  const entries = (readme: string) =>
    new Map<string, { bytes?: Buffer; text?: string }>([
      ['extension/media/icon.png', { bytes: icon }],
      ['extension/readme.md', { text: readme }],
      ['extension/dist/THIRD-PARTY-LICENSES.md', {}],
    ]);

  it('passes this manifest with a 256 px icon and absolute README images', () => {
    expect(marketplaceProblems(manifest, entries(`![shot](${raw})`))).toEqual([]);
  });

  it('names what the Marketplace would reject or VS Code would restrict', () => {
    const old = {
      ...manifest,
      capabilities: undefined,
      activationEvents: ['onCommand:c66Backup.signIn'],
      scripts: {},
      bugs: { url: 'https://github.com/org/c66-backup/issues' },
    };
    const problems = marketplaceProblems(old, entries('![shot](media/screenshot.png)'));
    expect(problems).toEqual([
      expect.stringContaining('untrustedWorkspaces'),
      expect.stringContaining('virtualWorkspaces'),
      expect.stringContaining('onCommand:c66Backup.signIn'),
      expect.stringContaining('vscode:prepublish'),
      expect.stringContaining('different repositories'),
      expect.stringContaining('media/screenshot.png'),
    ]);
  });
});
