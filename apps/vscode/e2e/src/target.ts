import { type Client, createClient } from '@c66-backup/core';
import { type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { type ExternalServer, externalServer } from './environment.js';
import { addFixtures, type Fixtures, SPLIT_BYTES } from './fixtures.js';
import { chooseSubjects, type Subjects } from './subjects.js';

/**
 * The API the extension talks to: the sandbox started in this process (its controls and
 * fixtures available), or an external server given by `C66_E2E_API_URL`/`C66_E2E_TOKEN`,
 * where only the scenarios that need no sandbox controls run.
 */
export interface Target {
  mode: 'sandbox' | 'external';
  apiUrl: string;
  token: string;
  /** A core client on the same API and token: what the scenarios expect to see. */
  client: Client;
  /** Only in sandbox mode: the sandbox and the stacks the scenarios added to it. */
  sandbox: { sb: Sandbox; fixtures: Fixtures } | undefined;
  subjects: Subjects;
  close(): Promise<void>;
}

export async function startTarget(env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  const external = externalServer(env);
  return external ? externalTarget(external) : sandboxTarget();
}

async function sandboxTarget(): Promise<Target> {
  // The default profile: Cloud 66's documented fields only. Parts of 1 MiB, backups
  // finishing 3 s after a create.
  const sb = await startSandbox({
    port: 0,
    splitThresholdBytes: SPLIT_BYTES,
    backupDelayMs: 3_000,
  });
  try {
    const fixtures = addFixtures(sb);
    const client = createClient({ token: sb.token, baseUrl: sb.apiUrl });
    const stack = (name: string) => {
      const found = sb.stacks().find((s) => s.name === name);
      if (!found) throw new Error(`no sandbox stack ${name}`);
      return { uid: found.uid, name: found.name, environment: found.environment };
    };
    const subjects: Subjects = {
      paging: { ...stack(fixtures.paging.name), pages: 3 },
      backup: { stack: stack(fixtures.multipart.name), index: 0, id: fixtures.multipart.backupId },
    };
    const close = () => sb.close();
    return {
      mode: 'sandbox',
      apiUrl: sb.apiUrl,
      token: sb.token,
      client,
      sandbox: { sb, fixtures },
      subjects,
      close,
    };
  } catch (error) {
    await sb.close();
    throw error;
  }
}

async function externalTarget(server: ExternalServer): Promise<Target> {
  const client = createClient({ token: server.token, baseUrl: server.apiUrl });
  const subjects = await chooseSubjects(client, server.stackUid);
  return {
    mode: 'external',
    apiUrl: server.apiUrl,
    token: server.token,
    client,
    sandbox: undefined,
    subjects,
    close: async () => undefined,
  };
}
