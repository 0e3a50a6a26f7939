import type { Backup, Sandbox } from '@c66-backup/sandbox';

export const MiB = 1024 * 1024;
/** The sandbox splits backups into parts this big, so a multi-part backup is quick to fetch. */
export const SPLIT_BYTES = 1 * MiB;

/** Stacks the scenarios add to the seeded ones, with what they expect to see in them. */
export interface Fixtures {
  /** 65 backups of distinct sizes (1 MiB, 2 MiB, ...), oldest first: three pages. */
  paging: { name: string; backups: Backup[] };
  /** One backup of 2.5 MiB: three parts. */
  multipart: { uid: string; name: string; backupLabel: string; backupId: number };
}

export function addFixtures(sb: Sandbox): Fixtures {
  const pagingStack = sb.createStack({ name: 'e2e-paging', dbTypes: ['mysql', 'postgresql'] });
  const backups: Backup[] = [];
  for (let i = 0; i < 65; i++) {
    const dbType = i % 2 === 0 ? 'mysql' : 'postgresql';
    backups.push(...sb.addBackups(pagingStack.uid, { dbType, sizeBytes: (i + 1) * MiB }));
  }
  const partsStack = sb.createStack({ name: 'e2e-parts', dbTypes: ['mysql'] });
  const [backup] = sb.addBackups(partsStack.uid, { dbType: 'mysql', sizeBytes: 2.5 * MiB });
  if (!backup) throw new Error('the sandbox added no backup');
  return {
    paging: { name: pagingStack.name, backups },
    multipart: {
      uid: partsStack.uid,
      name: partsStack.name,
      backupLabel: `${backup.db_type} · ${backup.database_name}`,
      backupId: backup.id,
    },
  };
}

/** The uid of the one stack called `name` (in `environment`, when given). */
export function stackUid(sb: Sandbox, name: string, environment?: string): string {
  const matches = sb
    .stacks()
    .filter((s) => s.name === name && (environment === undefined || s.environment === environment));
  if (matches.length !== 1 || !matches[0]) {
    throw new Error(`expected one sandbox stack ${name}, found ${matches.length}`);
  }
  return matches[0].uid;
}
