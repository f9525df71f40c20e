/**
 * The AES-256-ECB test vector of ARGOS-CONTRACT.md section 2 (computed by us with two independent
 * implementations, not published by the vendor). Operators can feed it to the vendor's Encryption Tool
 * to confirm that our assumptions (padding, base64 flavour, JSON plaintext) match theirs.
 */
export const ARGOS_TEST_VECTOR = Object.freeze({
  keyString: 'TEST_API_KEY_1234567890',
  keySha256Hex: '72d2a7f4507237a01c43a35062c4a49436075acef569e7a6e0efdca287c7b363',
  query: Object.freeze({ sid: 'sub_abc123', authUserId: 'user-1', token: 'tok_00000001' }),
  plaintext: '{"sid":"sub_abc123","authUserId":"user-1","token":"tok_00000001"}',
  ciphertext:
    'wv0GgHUQkX1pTNvNXAA0+/p+fJ1Yvc0ozPlCpZxAHTElRzPkw6LmifAtVH6Q/I2EyK84TrR3W8rvgbMAvXXvBxYY+GF92SE6Ejpjv9eUVb8=',
});
