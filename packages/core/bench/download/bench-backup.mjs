// A sandbox holding one backup of a given size and part size, with or without the network model.
import { distEntry } from './dist-entry.mjs';
import { MiB } from './stats.mjs';

/** `network`: `{ connectionMibps, linkMibps, firstByteMs }`, or undefined for loopback speed. */
export async function benchBackup({ partMib, size, network }) {
  const { startSandbox } = await import('@c66-backup/sandbox');
  const { createClient } = await import(distEntry);
  const sb = await startSandbox({
    port: 0,
    splitThresholdBytes: partMib * MiB,
    rateLimitPerHour: 0,
    ...(network && {
      connectionBytesPerSecond: network.connectionMibps * MiB,
      linkBytesPerSecond: network.linkMibps * MiB,
      firstByteMs: network.firstByteMs,
    }),
  });
  const stackUid = sb.createStack({ name: `bench-${partMib}`, backups: 0 }).uid;
  const bytes = Math.round(size);
  const [backup] = sb.addBackups(stackUid, { dbType: 'mysql', sizeBytes: bytes });
  const client = createClient({ token: sb.token, baseUrl: sb.apiUrl });
  return { sb, client, stackUid, backupId: backup.id, size: bytes };
}

/** Every part's fresh presigned URL, in joining order (what curl and aria2c are given). */
export async function freshUrls(s) {
  const files = await s.client.files.list(s.stackUid, s.backupId).toArray();
  files.sort((a, b) => (a.name < b.name ? -1 : 1));
  const urls = [];
  for (const f of files) {
    urls.push({
      name: f.name,
      url: (await s.client.files.get(s.stackUid, s.backupId, f.id)).publicUrl,
    });
  }
  return urls;
}
