/** What a presigned path on the file host points at. */
export interface FileRef {
  stackUid: string;
  backupId: number;
  fileId: string;
}

/** `/s3/<bucket>/<storage_path>/<file name>`: where the file host serves a backup file. */
export function fileHostPath(bucket: string, storagePath: string, fileName: string): string {
  const key = `${storagePath}/${fileName}`.split('/').map(encodeURIComponent).join('/');
  return `/s3/${bucket}/${key}`;
}
