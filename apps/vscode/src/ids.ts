/**
 * Identifiers the manifest (package.json) and the code share. End-to-end tests drive the UI
 * through them, so they are part of the extension's public surface: do not rename.
 */
export const VIEW_ID = 'c66Backup.backups';
export const TOKEN_SECRET_KEY = 'c66Backup.token';
export const API_URL_SETTING = 'c66Backup.apiUrl';
export const GROUP_SETTING = 'c66Backup.groupByDatabaseType';
export const STALE_SETTING = 'c66Backup.staleAfterHours';
export const DEFAULT_STALE_AFTER_HOURS = 26;
export const CONNECTIONS_SETTING = 'c66Backup.downloadConnections';
export const SIGNED_IN_CONTEXT = 'c66Backup.signedIn';
export const LAST_DOWNLOAD_DIR_KEY = 'c66Backup.lastDownloadDir';

export const COMMANDS = {
  signIn: 'c66Backup.signIn',
  signOut: 'c66Backup.signOut',
  refresh: 'c66Backup.refresh',
  filterStacks: 'c66Backup.filterStacks',
  loadMore: 'c66Backup.loadMore',
  retry: 'c66Backup.retry',
  downloadFile: 'c66Backup.downloadFile',
  downloadBackup: 'c66Backup.downloadBackup',
  createBackup: 'c66Backup.createBackup',
  importBackup: 'c66Backup.importBackup',
  copyBackupId: 'c66Backup.copyBackupId',
  copyStoragePath: 'c66Backup.copyStoragePath',
  openInDashboard: 'c66Backup.openInDashboard',
  checkFreshness: 'c66Backup.checkFreshness',
} as const;

/** `contextValue`s of tree items; `when` clauses in the manifest match on them. */
export const CONTEXT = {
  stack: 'c66.stack',
  backupOk: 'c66.backup.ok',
  backupFailed: 'c66.backup.failed',
  group: 'c66.group',
  file: 'c66.file',
  loadMore: 'c66.loadMore',
  error: 'c66.error',
  message: 'c66.message',
} as const;
