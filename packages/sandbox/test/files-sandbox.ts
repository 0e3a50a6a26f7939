import { type Sandbox, startSandbox } from '../src/index.js';

const MiB = 1024 * 1024;

/**
 * The sandbox the files API and file host suites share: 1 MiB parts, 60 s URLs on the
 * given clock, a stack `files` with a one-file backup (`small`) and a four-part one (`multi`).
 */
export async function startFilesSandbox(
  now: () => number,
): Promise<{ sb: Sandbox; uid: string; small: number; multi: number }> {
  const sb = await startSandbox({ port: 0, splitThresholdBytes: MiB, urlTtlSeconds: 60, now });
  const uid = sb.createStack({ name: 'files', dbTypes: ['mysql'] }).uid;
  const small = sb.addBackups(uid, { dbType: 'mysql', sizeBytes: 200 * 512 })[0]?.id as number;
  const multi = sb.addBackups(uid, { dbType: 'mysql', sizeBytes: 3.5 * MiB })[0]?.id as number;
  return { sb, uid, small, multi };
}
