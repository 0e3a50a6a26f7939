// `@c66-backup/core/testing`: seams for tests. Production code never needs these; a test
// wraps the real file host transport (DownloadOptions.request) to watch or break it.

// The plain-fetch oracle the apps' end-to-end tests compare downloads with.
export { type Digest, digest, digestFile } from './download/digest.js';
export { directDigest } from './download/direct-digest.js';
export {
  type FileHostRequest,
  type FileHostRequestInit,
  type FileHostResponse,
  requestFileHost,
} from './download/file-host-request.js';
// A fake `Sleep` (see ClientOptions.sleep) rejects on abort with the error the real one throws.
export { abortedError } from './sleep.js';
