// UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Time-ordered, so
// records sort by creation and B-tree inserts stay local. A dozen lines do not justify a dependency.
// The random bytes come from the caller (pm passes SQLite's randomblob(), a ChaCha20 generator
// seeded from the OS, through the journal it is writing: src/db/journal.ts newUuid), else from
// node:crypto, which is loaded only then: loading it costs ~6 ms, at every `pm log`.

let lastMs = 0;
let seq = 0;

export function uuidv7(now: number = Date.now(), random?: Uint8Array): string {
  const bytes = Buffer.from(random ?? process.getBuiltinModule('node:crypto').randomBytes(16));
  if (bytes.length !== 16) throw new Error('uuidv7 needs 16 random bytes');
  // keep ids made within one millisecond in order: bump a 12-bit counter in rand_a
  if (now === lastMs) seq = (seq + 1) & 0xfff;
  else {
    lastMs = now;
    seq = bytes[6] & 0x0f ? ((bytes[6] & 0x0f) << 8) | bytes[7] : 0;
    seq &= 0x7ff;
  }
  bytes[0] = Math.floor(now / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(now / 2 ** 32) & 0xff;
  bytes[2] = (now >>> 24) & 0xff;
  bytes[3] = (now >>> 16) & 0xff;
  bytes[4] = (now >>> 8) & 0xff;
  bytes[5] = now & 0xff;
  bytes[6] = 0x70 | ((seq >>> 8) & 0x0f);
  bytes[7] = seq & 0xff;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
