// Draws media/icon.png (128x128): a rounded dark tile with three patch cables crossing between
// two rows of jacks, a switchboard. Run by hand when the design changes: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis, for anti-aliased edges

const BACKGROUND = [28, 36, 52];
const JACK = [214, 222, 235];
const CABLES = [
  { from: 0, to: 2, color: [255, 176, 59] },
  { from: 1, to: 0, color: [88, 196, 255] },
  { from: 2, to: 1, color: [126, 224, 129] },
];
const ROWS_Y = [34, 94];
const COLUMNS_X = [32, 64, 96];

const inRoundedSquare = (x, y) => {
  const radius = 24;
  const dx = Math.max(radius - x, x - (SIZE - radius), 0);
  const dy = Math.max(radius - y, y - (SIZE - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
};

const distanceToSegment = (x, y, [ax, ay], [bx, by]) => {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};

/** The colour at one sample point, or undefined outside the tile. */
function shade(x, y) {
  if (!inRoundedSquare(x, y)) return undefined;
  for (const column of COLUMNS_X) {
    for (const row of ROWS_Y) if (Math.hypot(x - column, y - row) <= 9) return JACK;
  }
  for (const cable of CABLES) {
    const start = [COLUMNS_X[cable.from], ROWS_Y[0]];
    const end = [COLUMNS_X[cable.to], ROWS_Y[1]];
    if (distanceToSegment(x, y, start, end) <= 4.5) return cable.color;
  }
  return BACKGROUND;
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const color = shade(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!color) continue;
        for (let c = 0; c < 3; c++) sum[c] += color[c];
        sum[3] += 1;
      }
    }
    const offset = 1 + x * 4;
    if (sum[3] > 0) for (let c = 0; c < 3; c++) row[offset + c] = Math.round(sum[c] / sum[3]);
    row[offset + 3] = Math.round((sum[3] / SAMPLES ** 2) * 255);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
