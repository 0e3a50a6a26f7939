// One fetch of a URL by curl, in its own process: the client every server is measured with.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Bytes per second curl got `url` at, checking it got exactly `size` bytes. Async: the
 * servers live in the bench's process, so a blocking exec would deadlock.
 */
export async function curlRate(url, size) {
  const { stdout } = await promisify(execFile)('curl', [
    '-s',
    '-o',
    '/dev/null',
    '-w',
    '%{size_download} %{time_total}',
    url,
  ]);
  const [bytes, seconds] = stdout.split(' ').map(Number);
  if (bytes !== size) throw new Error(`curl got ${bytes} bytes, expected ${size}`);
  return bytes / seconds;
}
