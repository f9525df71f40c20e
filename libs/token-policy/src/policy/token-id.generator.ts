import { randomFillSync } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LENGTH = 24; // 24 × log2(62) ≈ 142.9 bits

// CSPRNG bytes are drawn in blocks (as Node does for randomUUID): one call to the generator serves ~100
// tokens instead of one call per token, which was the largest single cost of a mint after the insert.
// Every byte is used at most once.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

function nextByte(): number {
  if (offset === POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  return pool[offset++];
}

/**
 * A FaceAuth token id from the CSPRNG: 24 alphanumeric characters (≈143 bits), inside the vendor's token
 * alphabet and its 8-64 length, starting and ending alphanumeric by construction. Rejection sampling keeps
 * every character uniform (bytes ≥ 248 are skipped: 248 = 4 × 62).
 */
export function generateTokenId(): string {
  let id = '';
  while (id.length < LENGTH) {
    const byte = nextByte();
    if (byte < 248) id += ALPHABET[byte % 62];
  }
  return id;
}
