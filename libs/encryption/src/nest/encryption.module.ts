import { Module } from '@nestjs/common';
import { EncryptionConfigurableModule } from './encryption.module-definition';
import { FaceAuthUrlService } from './faceauth-url.service';

/**
 * `EncryptionModule.forRoot({ projects, formUrl?, defaultProject?, isGlobal? })` or `forRootAsync(...)`:
 * provides {@link FaceAuthUrlService}.
 */
@Module({
  providers: [FaceAuthUrlService],
  exports: [FaceAuthUrlService],
})
export class EncryptionModule extends EncryptionConfigurableModule {}
