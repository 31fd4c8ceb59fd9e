// Random (version 4) UUIDs from the seeded source, for `format: uuid` and id-like names.
import type { Rng } from './create-rng.js';

const HEX = '0123456789abcdef';

/** A version 4 UUID from the seeded source: four 32-bit draws rather than faker's one draw per character. */
export function uuidV4(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 4; i++) {
    const word = rng.int(0, 0xffffffff);
    for (let shift = 28; shift >= 0; shift -= 4) hex += HEX[(word >>> shift) & 15];
  }
  // Version nibble 4, variant bits 10.
  const variant = HEX[8 + (parseInt(hex[16] as string, 16) & 3)] as string;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
