/** Flags shared by every command that encrypts or decrypts (commander attribute names). */
export interface CodecFlags {
  key?: string;
  keyFile?: string;
  cipher?: string;
  format?: string;
  gcmNonceLength?: number;
  gcmOrder?: string;
  gcmEncoding?: string;
}

/** Flags that describe a FaceAuth query. */
export interface QueryFlags extends CodecFlags {
  sid?: string;
  authUserId?: string;
  cf1?: string;
  cf2?: string;
  cf3?: string;
  token?: string;
}
