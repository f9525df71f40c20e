import { crc32, deflateSync } from 'node:zlib';

/**
 * Tiny, valid images generated in code so the sandbox ships no binary fixtures. Each call with a
 * different label gives different bytes, which is what the decision engine compares.
 */

/** An 8×8 flat grey baseline JPEG (single-code Huffman tables), tagged with a comment segment. */
export function makeJpeg(label: string, grey = 160): Buffer {
  const segment = (marker: number, body: Buffer): Buffer =>
    Buffer.concat([Buffer.from([0xff, marker]), u16(body.length + 2), body]);
  const jfif = Buffer.from([
    0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ]);
  const dqt = Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 8)]);
  const sof0 = Buffer.from([0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]);
  const dc = Math.max(-127, Math.min(127, Math.round(grey) - 128));
  const category = dc === 0 ? 0 : Math.floor(Math.log2(Math.abs(dc))) + 1;
  // One code ("0") per table: the DC table holds just this category, the AC table just EOB.
  const huffman = (tableClass: number, symbol: number): Buffer =>
    Buffer.concat([
      Buffer.from([tableClass]),
      Buffer.from([1, ...new Array<number>(15).fill(0)]),
      Buffer.from([symbol]),
    ]);
  const sos = Buffer.from([0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, jfif),
    segment(0xfe, Buffer.from(label, 'utf8')),
    segment(0xdb, dqt),
    segment(0xc0, sof0),
    segment(0xc4, huffman(0x00, category)),
    segment(0xc4, huffman(0x10, 0x00)),
    segment(0xda, sos),
    entropyData(dc, category),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A 48×48 RGB PNG of a schematic face in the given skin colour. */
export function makeFacePng(skin: [number, number, number]): Buffer {
  const size = 48;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // leading 0 = filter "none"
    for (let x = 0; x < size; x++) row.set(facePixel(x, y, skin), 1 + x * 3);
    rows.push(row);
  }
  const ihdr = Buffer.concat([u32(size), u32(size), Buffer.from([8, 2, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** True for the JPEG and PNG signatures, the two formats Argos takes for a face image. */
export function isSupportedImage(bytes: Buffer): boolean {
  const jpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const png = bytes.length > 8 && bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return jpeg || png;
}

function entropyData(dc: number, category: number): Buffer {
  const magnitude = dc >= 0 ? dc : dc + (1 << category) - 1;
  let bits = '0'; // DC code
  if (category > 0) bits += magnitude.toString(2).padStart(category, '0');
  bits += '0'; // AC code: end of block
  bits = bits.padEnd(Math.ceil(bits.length / 8) * 8, '1');
  const out: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    const byte = parseInt(bits.slice(i, i + 8), 2);
    out.push(byte);
    if (byte === 0xff) out.push(0x00); // byte stuffing
  }
  return Buffer.from(out);
}

function facePixel(x: number, y: number, skin: [number, number, number]): [number, number, number] {
  const d = (cx: number, cy: number): number => Math.hypot(x - cx, y - cy);
  if (d(17, 19) < 3 || d(31, 19) < 3) return [40, 30, 20]; // eyes
  if (y >= 31 && y <= 33 && x >= 16 && x <= 32 && d(24, 24) > 7) return [150, 50, 50]; // mouth
  if (d(24, 24) < 18) return skin;
  return [225, 235, 245]; // background
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  return Buffer.concat([u32(data.length), typed, u32(crc32(typed))]);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}
