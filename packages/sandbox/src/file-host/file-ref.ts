/** What a presigned path on the file host points at. */
export interface FileRef {
  stackUid: string;
  backupId: number;
  fileId: string;
}
