/** `2014-09-01T18:16:16Z`: the `*_iso` format of the docs (whole seconds). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `2014.09.01.18.16.14`: the timestamp folder of a backup's `storage_path`. */
export function storageStamp(ms: number): string {
  const iso = isoSeconds(ms);
  return iso.slice(0, 19).replace(/[-T:]/g, '.');
}

/** `2014-09-01 18:16:16 UTC`: one of the mixed formats of non-`_iso` stack dates. */
export function railsDate(ms: number): string {
  return `${isoSeconds(ms).slice(0, 19).replace('T', ' ')} UTC`;
}

/** `2014-08-14T01:46:53+00:00`: how the docs' stack example gives `last_activity_iso`. */
export function offsetIso(ms: number): string {
  return isoSeconds(ms).replace('Z', '+00:00');
}
