/** A POSIX ustar header block (512 bytes) for one regular file. */
export function ustarHeader(name: string, size: number, mtimeMs: number): Buffer {
  const block = Buffer.alloc(512);
  const field = (value: string, offset: number, length: number) =>
    block.write(value, offset, length, 'ascii');
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0');
  field(name.slice(0, 99), 0, 100);
  field(octal(0o644, 8), 100, 8);
  field(octal(0, 8), 108, 8); // uid
  field(octal(0, 8), 116, 8); // gid
  if (size < 0o77777777777) field(octal(size, 12), 124, 12);
  else {
    // GNU base-256 size for members of 8 GiB and more.
    block[124] = 0x80;
    let rest = size;
    for (let i = 135; i > 124; i--) {
      block[i] = rest % 256;
      rest = Math.floor(rest / 256);
    }
  }
  field(octal(Math.floor(mtimeMs / 1000), 12), 136, 12);
  field('        ', 148, 8); // checksum is computed with its own field as spaces
  field('0', 156, 1); // regular file
  field('ustar\u000000', 257, 8);
  field('root', 265, 32);
  field('root', 297, 32);
  let sum = 0;
  for (const byte of block) sum += byte;
  field(`${octal(sum, 7)}\u0000 `, 148, 8);
  return block;
}
