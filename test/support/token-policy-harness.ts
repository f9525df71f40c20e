import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ManualClock } from '@faceauth/core';
import { EncryptionModule } from '@faceauth/encryption';
import { ClockModule } from '@faceauth/module';
import {
  ArgosTokenExpiration,
  LinkService,
  TokenLedgerService,
  TokenPolicyModule,
} from '@faceauth/token-policy';
import { dataSourceOptions } from '@faceauth/service';
import { createTestDatabase, DatabaseKindUnderTest, TestDatabase } from './test-databases';

export const TEST_PROJECT = { name: 'default', pid: 'test-pid', keyString: 'TEST_API_KEY_1234567890' };

export interface TokenPolicyHarness {
  moduleRef: TestingModule;
  links: LinkService;
  ledger: TokenLedgerService;
  clock: ManualClock;
  database: TestDatabase;
  close(): Promise<void>;
}

/** Token policy on a real database (migrated), with a manual clock. */
export async function startTokenPolicy(
  kind: DatabaseKindUnderTest,
  tokenExpiration: ArgosTokenExpiration = { mode: 'off' },
): Promise<TokenPolicyHarness> {
  const database = await createTestDatabase(kind);
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const moduleRef = await Test.createTestingModule({
    imports: [
      ClockModule.forRoot(clock),
      TypeOrmModule.forRoot(dataSourceOptions(database.config)),
      EncryptionModule.forRoot({ isGlobal: true, projects: [TEST_PROJECT] }),
      TokenPolicyModule.forRoot({ projects: [{ name: 'default', tokenExpiration }] }),
    ],
  }).compile();
  await moduleRef.init();
  return {
    moduleRef,
    links: moduleRef.get(LinkService),
    ledger: moduleRef.get(TokenLedgerService),
    clock,
    database,
    close: async () => {
      await moduleRef.close();
      await database.drop();
    },
  };
}
