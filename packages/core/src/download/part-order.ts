import { BackupPartsError } from '../errors/index.js';

/** A file of a backup as the API lists it. */
export interface BackupFileRef {
  id: string;
  name: string;
}

/** The files of a backup in the order they must be joined, and the joined file's name. */
export interface OrderedParts<T extends BackupFileRef> {
  name: string;
  parts: T[];
}

// Cloud 66 splits large backups like `split -b 250m x.tar x.tar-`: `x.tar-aa`, `x.tar-ab`, ...
const PART_NAME = /^(.+)-([a-z]{2,})$/;

/**
 * Orders a backup's files for joining. One file is the backup itself. Several files
 * must be the parts of one split file: the same base name, suffixes that are exactly
 * the first N that `split` generates (so a missing part is an error, not a short tar),
 * ordered as `cat x.tar-*` would join them.
 */
export function orderParts<T extends BackupFileRef>(files: readonly T[]): OrderedParts<T> {
  const [first] = files;
  if (!first) throw new BackupPartsError('the backup has no files');
  if (files.length === 1) return { name: first.name, parts: [first] };

  const parsed = files.map((file) => {
    const match = PART_NAME.exec(file.name);
    if (!match?.[1] || !match[2]) {
      throw new BackupPartsError(
        `the backup has ${files.length} files but ${JSON.stringify(file.name)} is not named like a part (name-aa)`,
      );
    }
    return { file, base: match[1], suffix: match[2] };
  });
  const base = parsed[0]?.base ?? '';
  const stray = parsed.find((p) => p.base !== base);
  if (stray) {
    throw new BackupPartsError(
      `the backup's parts belong to different files (${JSON.stringify(base)} and ${JSON.stringify(stray.base)})`,
    );
  }
  // Code-unit order is `split`'s order, including its longer suffixes after `yz` (`zaaa`).
  parsed.sort((a, b) => (a.suffix < b.suffix ? -1 : a.suffix > b.suffix ? 1 : 0));
  checkContiguous(parsed.map((p) => p.suffix));
  return { name: base, parts: parsed.map((p) => p.file) };
}

function checkContiguous(suffixes: string[]): void {
  const width = suffixes[0]?.length ?? 2;
  const matches = (scheme: (i: number, width: number) => string) =>
    suffixes.every((suffix, i) => suffix === scheme(i, width));
  if (matches(splitSuffix) || matches(fixedSuffix)) return;
  const expected = suffixes.map((_, i) => splitSuffix(i, width));
  const missing = expected.find((s) => !suffixes.includes(s)) ?? expected[0];
  throw new BackupPartsError(
    `the backup's parts are not contiguous: part -${missing} is missing (found ${suffixes.map((s) => `-${s}`).join(', ')})`,
  );
}

/** The i-th suffix of `split -a <width>`: fixed width, plain base-26 counting. */
export function fixedSuffix(index: number, width: number): string {
  let rest = index;
  let out = '';
  for (let i = 0; i < width; i++) {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/**
 * The i-th suffix of GNU `split` with its default, growing suffix: `aa`..`yz`, then
 * `zaaa`..`zyzz`, then `zzaaaa`... (each level adds a `z` and a letter).
 */
export function splitSuffix(index: number, width: number): string {
  let rest = index;
  for (let level = 0; ; level++) {
    const letters = width + level;
    const size = 25 * 26 ** (letters - 1);
    if (rest < size) return 'z'.repeat(level) + fixedSuffix(rest, letters);
    rest -= size;
  }
}
