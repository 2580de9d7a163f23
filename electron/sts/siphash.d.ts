// Types for the `siphash` package (SipHash-2-4, pure JavaScript, no types of its own). Only what the engine uses.
declare module 'siphash' {
  interface SipHash64 {
    /** High and low 32 bits of the 64-bit hash, unsigned. */
    h: number;
    l: number;
  }
  interface SipHashModule {
    /**
     * SipHash-2-4 of `message` under `key`: four 32-bit words, each the little-endian reading of 4 key bytes
     * (word 0 = key bytes 0..3).
     */
    hash(key: ArrayLike<number>, message: Uint8Array | string): SipHash64;
    hash_hex(key: ArrayLike<number>, message: Uint8Array | string): string;
    string16_to_key(text: string): Uint32Array;
  }
  const siphash: SipHashModule;
  export = siphash;
}
