import { type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, beforeAll } from 'vitest';
import { type Client, createClient } from '../src/index.js';
import { sandboxOptions } from './sandbox.js';

/** What {@link useSplitSandbox} gives a test file once its `beforeAll` ran. */
export interface SplitSandbox {
  sb: Sandbox;
  client: Client;
  /** A stack (with a mysql database) that starts without backups. */
  stackUid: string;
}

/**
 * One sandbox for the calling test file that splits backups into parts of `partBytes`, a
 * client on it and an empty stack named `stackName`; closed after the file.
 */
export function useSplitSandbox(stackName: string, partBytes: number): SplitSandbox {
  const fixture = {} as SplitSandbox;
  beforeAll(async () => {
    fixture.sb = await startSandbox(
      sandboxOptions({ splitThresholdBytes: partBytes, importDelayMs: 0 }),
    );
    fixture.client = createClient({ token: fixture.sb.token, baseUrl: fixture.sb.apiUrl });
    fixture.stackUid = fixture.sb.createStack({ name: stackName, backups: 0 }).uid;
  });
  afterAll(() => fixture.sb.close());
  return fixture;
}
