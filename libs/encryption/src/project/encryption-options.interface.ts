import { CipherName } from '../cipher/cipher-name.type';
import { GcmLayout } from '../cipher/gcm-layout';
import { PlaintextFormat } from '../query/plaintext-format.type';

/** One FaceAuth project: its own pid, key, cipher and plaintext format. */
export interface EncryptionProjectOptions {
  /** Name used to pick the project (`forProject('kr-app')`); unique. */
  name: string;
  /** FaceAuth project id, sent in clear text in the URL. */
  pid: string;
  /** The project's dedicated `secretKey` when one was issued in the dashboard, else its Add-on API key. */
  keyString: string;
  /** Defaults to `aes-256-ecb`. */
  cipher?: CipherName;
  /** Defaults to `json`. */
  format?: PlaintextFormat;
  gcmLayout?: Partial<GcmLayout>;
}

/** Options of the encryption module / project registry. */
export interface EncryptionModuleOptions {
  /** Hosted capture page; defaults to `https://form.argosidentity.com/face-auth`. */
  formUrl?: string;
  /** At least one project. */
  projects: EncryptionProjectOptions[];
  /** Name of the project used when none is given; defaults to the first project. */
  defaultProject?: string;
}
