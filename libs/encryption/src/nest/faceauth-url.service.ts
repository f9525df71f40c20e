import { Inject, Injectable } from '@nestjs/common';
import { EncryptionModuleOptions } from '../project/encryption-options.interface';
import { FaceAuthProjectRegistry } from '../project/faceauth-project.registry';
import { ENCRYPTION_MODULE_OPTIONS } from './encryption.module-definition';

/**
 * Injectable Face Auth URL builder/reader for every configured FaceAuth project. Options are validated
 * and keys derived once, when Nest instantiates it at module init; a bad option fails the boot with a
 * message naming it.
 */
@Injectable()
export class FaceAuthUrlService extends FaceAuthProjectRegistry {
  constructor(@Inject(ENCRYPTION_MODULE_OPTIONS) options: EncryptionModuleOptions) {
    super(options);
  }
}
