/** Deterministic random byte keys for parity tests: lengths 0-40 so every tail length and block count occurs. */
export function randomKeys(count: number, seed: number): Uint8Array[] {
  let state = seed >>> 0;
  const next = (): number => {
    // xorshift32: enough to spread keys; tests only need them repeatable.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  return Array.from({ length: count }, () => {
    const key = new Uint8Array(next() % 41);
    for (let i = 0; i < key.length; i++) key[i] = next() & 0xff;
    return key;
  });
}
