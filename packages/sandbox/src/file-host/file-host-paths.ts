export const FILE_HOST_PREFIX = '/s3/';
/** A second path serving the same objects, like an S3 regional endpoint. */
export const FILE_HOST_MIRROR_PREFIX = '/s3-mirror/';

/** `/s3/<bucket>/<storage_path>/<file name>`: where the file host serves a backup file. */
export function fileHostPath(bucket: string, storagePath: string, fileName: string): string {
  const key = `${storagePath}/${fileName}`.split('/').map(encodeURIComponent).join('/');
  return `${FILE_HOST_PREFIX}${bucket}/${key}`;
}

/** The path the presigned signature covers: a mirror path stands for its `/s3/` twin. */
export function canonicalFileHostPath(pathname: string): string {
  return pathname.startsWith(FILE_HOST_MIRROR_PREFIX)
    ? FILE_HOST_PREFIX + pathname.slice(FILE_HOST_MIRROR_PREFIX.length)
    : pathname;
}
