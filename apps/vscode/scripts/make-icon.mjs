// Draws media/icon.png (256×256, the size the Marketplace asks for): a white cloud with a download arrow on a blue rounded
// square. Plain zlib + CRC32 PNG writing, so no image tool is needed to regenerate it.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// The shapes are drawn on a 128-unit grid and sampled at SIZE pixels.
const GRID = 128;
const SIZE = 256;
const SCALE = GRID / SIZE;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const inRoundedSquare = (x, y) => {
  const r = 24;
  const cx = Math.min(Math.max(x, r), GRID - r);
  const cy = Math.min(Math.max(y, r), GRID - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inCloud = (x, y) =>
  inCircle(x, y, 46, 62, 18) ||
  inCircle(x, y, 68, 52, 24) ||
  inCircle(x, y, 88, 66, 15) ||
  (x >= 30 && x <= 100 && y >= 62 && y <= 81 && inCircle(x, y, 65, 70, 40));
const inArrow = (x, y) =>
  (x >= 59 && x <= 69 && y >= 60 && y <= 92) ||
  (y >= 84 && y <= 102 && Math.abs(x - 64) <= 102 - y);

function colorAt(x, y) {
  if (!inRoundedSquare(x, y)) return [0, 0, 0, 0];
  if (inArrow(x, y)) return [0, 92, 175, 255];
  if (inCloud(x, y)) return [255, 255, 255, 255];
  const t = y / GRID; // a vertical gradient from light to deep blue
  return [Math.round(40 - 20 * t), Math.round(150 - 50 * t), Math.round(230 - 40 * t), 255];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colorAt((x + (sx + 0.5) / SAMPLES) * SCALE, (y + (sy + 0.5) / SAMPLES) * SCALE);
        for (let i = 0; i < 3; i++) sum[i] += c[i] * c[3];
        sum[3] += c[3];
      }
    }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    const alpha = sum[3] / (SAMPLES * SAMPLES);
    for (let i = 0; i < 3; i++) raw[o + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
    raw[o + 3] = Math.round(alpha);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../media/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote media/icon.png (${png.length} bytes)`);
