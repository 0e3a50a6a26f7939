import type { Client } from '../client.js';

/** The part of the core client a download uses (any `createClient` result fits). */
export type DownloadClient = Pick<Client, 'backups' | 'files'>;
