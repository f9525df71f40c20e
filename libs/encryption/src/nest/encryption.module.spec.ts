import crypto from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ARGOS_TEST_VECTOR } from '../contract/argos-test-vector.constants';
import { EncryptionModuleOptions } from '../project/encryption-options.interface';
import { EncryptionModule } from './encryption.module';
import { FaceAuthUrlService } from './faceauth-url.service';

const options: EncryptionModuleOptions = {
  formUrl: 'https://sandbox.test/face-auth',
  projects: [{ name: 'main', pid: 'pid-1', keyString: ARGOS_TEST_VECTOR.keyString }],
};
const expectedUrl = `https://sandbox.test/face-auth?pid=pid-1&encrypted=${encodeURIComponent(ARGOS_TEST_VECTOR.ciphertext)}`;

@Injectable()
class ConfigStub {
  readonly encryption = options;
}

@Module({ providers: [ConfigStub], exports: [ConfigStub] })
class ConfigStubModule {}

describe('EncryptionModule', () => {
  afterEach(() => jest.restoreAllMocks());

  it('forRoot provides a FaceAuthUrlService bound to the options', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [EncryptionModule.forRoot(options)],
    }).compile();
    const service = moduleRef.get(FaceAuthUrlService);
    expect(service.build(ARGOS_TEST_VECTOR.query)).toBe(expectedUrl);
    expect(service.decrypt(expectedUrl)).toEqual({
      project: 'main',
      pid: 'pid-1',
      query: ARGOS_TEST_VECTOR.query,
    });
    await moduleRef.close();
  });

  it('forRootAsync takes options from an injected provider', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        EncryptionModule.forRootAsync({
          imports: [ConfigStubModule],
          inject: [ConfigStub],
          useFactory: (config: ConfigStub) => config.encryption,
        }),
      ],
    }).compile();
    expect(moduleRef.get(FaceAuthUrlService).build(ARGOS_TEST_VECTOR.query)).toBe(expectedUrl);
    await moduleRef.close();
  });

  it('isGlobal makes the service injectable in modules that do not import it', async () => {
    @Injectable()
    class Consumer {
      constructor(readonly urls: FaceAuthUrlService) {}
    }
    @Module({ providers: [Consumer] })
    class FeatureModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [EncryptionModule.forRoot({ ...options, isGlobal: true }), FeatureModule],
    }).compile();
    expect(moduleRef.get(Consumer).urls.defaultProjectName).toBe('main');
    await moduleRef.close();
  });

  it('fails the boot with a message naming the bad option', async () => {
    const bad = { projects: [{ name: 'main', pid: '', keyString: 'k' }] };
    await expect(
      Test.createTestingModule({ imports: [EncryptionModule.forRoot(bad)] }).compile(),
    ).rejects.toThrow(/projects\[0\]\.pid/);
  });

  it('derives the key once at boot and never per URL', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [EncryptionModule.forRoot(options)],
    }).compile();
    const createHash = jest.spyOn(crypto, 'createHash');
    const service = moduleRef.get(FaceAuthUrlService);
    for (let i = 0; i < 10_000; i++) service.build({ sid: `sub_${i}` });
    expect(createHash).not.toHaveBeenCalled();
    await moduleRef.close();
  });
});
