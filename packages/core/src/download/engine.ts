// The transfer engine behind downloadBackup, downloadBackupFile and streamBackup: parallel
// connections, resumes, stall guards, checks, and the Node modules they use (crypto,
// streams, files). Imported through loadEngine, with the first download.
export { downloadParts } from './download-parts.js';
export { downloadInParallel } from './parallel-parts.js';
export { assertTargetWritable } from './place-file.js';
export { probeParts } from './probe-parts.js';
