/** Flags shared by every command that encrypts or decrypts (commander attribute names). */
export interface CodecFlags {
  /** Print `{"<field>": …}` instead of the bare text. */
  json?: boolean;
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

/** Flags of `decrypt`. */
export interface DecryptFlags extends CodecFlags {
  parse?: boolean;
}

/** Flags of `url`. */
export interface UrlFlags extends QueryFlags {
  pid: string;
  lang?: string;
  formUrl?: string;
}
