import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, labels, startHarness } from '../../test/harness.js';
import { COMMANDS, SIGNED_IN_CONTEXT, TOKEN_SECRET_KEY } from '../ids.js';

let h: Harness;
afterEach(async () => h?.close());

describe('Sign in / Sign out', () => {
  it('checks the token with one request, stores it in SecretStorage and fills the tree', async () => {
    h = await startHarness({ signedIn: false });
    expect(await h.ext.tree.getChildren()).toEqual([]);
    h.ui.inputs.push(['   ', `  ${h.sb.token}  `]);
    const redraws: unknown[] = [];
    h.ext.tree.onDidChangeTreeData((e) => redraws.push(e));
    expect(await h.run(COMMANDS.signIn)).toBe(true);
    await new Promise((r) => setTimeout(r, 20)); // let the secret-change echo arrive
    expect(redraws).toEqual([undefined]); // one full redraw, not one more for the echo
    expect(h.ui.rejected).toEqual(['Enter a token']);
    expect(h.ui.prompts[0]?.password).toBe(true);
    expect(h.sb.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/3/stacks']);
    expect(await h.secrets.get(TOKEN_SECRET_KEY)).toBe(h.sb.token);
    expect(labels(await h.ext.tree.getChildren())).toEqual(h.sb.stacks().map((s) => s.name));
    expect(h.context.get(SIGNED_IN_CONTEXT)).toBe(true);
  });

  it('keeps nothing when Cloud 66 rejects the token', async () => {
    h = await startHarness({ signedIn: false });
    h.ui.inputs.push('not-a-real-token');
    expect(await h.run(COMMANDS.signIn)).toBe(false);
    expect(await h.secrets.get(TOKEN_SECRET_KEY)).toBeUndefined();
    expect(h.ui.messages).toEqual([
      { level: 'error', text: 'Cloud 66 rejected this token. Nothing was saved.', actions: [] },
    ]);
    expect(await h.ext.tree.getChildren()).toEqual([]);
  });

  it('does nothing when the input box is dismissed', async () => {
    h = await startHarness({ signedIn: false });
    h.ui.inputs.push(undefined);
    expect(await h.run(COMMANDS.signIn)).toBe(false);
    expect(h.sb.requests).toHaveLength(0);
  });

  it('signs out: forgets the token and empties the tree', async () => {
    h = await startHarness();
    expect((await h.ext.tree.getChildren()).length).toBeGreaterThan(0);
    await h.run(COMMANDS.signOut);
    expect(await h.secrets.get(TOKEN_SECRET_KEY)).toBeUndefined();
    expect(await h.ext.tree.getChildren()).toEqual([]);
    expect(h.context.get(SIGNED_IN_CONTEXT)).toBe(false);
  });

  it('never writes the token to the log', async () => {
    h = await startHarness({ signedIn: false });
    h.ui.inputs.push(h.sb.token);
    await h.run(COMMANDS.signIn);
    await h.ext.tree.getChildren();
    expect(h.logs.length).toBeGreaterThan(0);
    expect(h.logs.join('\n')).not.toContain(h.sb.token);
    expect(h.logs[0]).toMatch(
      /^info GET \/stacks\?page=1 -> 200 in \d+ ms, request id [0-9a-f-]{36}$/,
    );
  });

  it('asks before sending a token over plain http to another machine', async () => {
    h = await startHarness({ signedIn: false });
    h.setApiUrl('http://proxy.example.com/api/3');
    h.ui.inputs.push('some-token');
    expect(await h.run(COMMANDS.signIn)).toBe(false); // the warning was dismissed
    expect(h.ui.messages[0]?.level).toBe('warning');
    expect(h.ui.messages[0]?.text).toMatch(/plain http to another machine/);
    expect(await h.secrets.get(TOKEN_SECRET_KEY)).toBeUndefined();
  });
});
