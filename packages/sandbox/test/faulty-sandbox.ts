import { type Sandbox, startSandbox } from '../src/index.js';

const MiB = 1024 * 1024;

/**
 * The sandbox both fault suites share: 2 MiB parts and a stack `faulty` with one 5 MiB
 * mysql backup (`id`: parts `tar-aa`, `tar-ab`, `tar-ac`).
 */
export async function startFaultySandbox(): Promise<{ sb: Sandbox; uid: string; id: number }> {
  const sb = await startSandbox({ port: 0, splitThresholdBytes: 2 * MiB });
  const uid = sb.createStack({ name: 'faulty', dbTypes: ['mysql'] }).uid;
  const id = sb.addBackups(uid, { dbType: 'mysql', sizeBytes: 5 * MiB })[0]?.id as number;
  return { sb, uid, id };
}
