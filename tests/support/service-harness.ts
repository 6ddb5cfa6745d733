import { generateKeyPairSync } from 'node:crypto';
import { DynamicModule, Global, Module, Provider, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from './database';

/**
 * Domain services on a real PostgreSQL (DESIGN.md §5: a rule is tested where it lives): a fresh
 * migrated database (with the demo data unless told otherwise), the application login under
 * row-level security, and a Nest module of the services under test. No HTTP, no GraphQL.
 */
export interface ServiceHarness {
  db: TestDatabase;
  dataSource: DataSource;
  module: TestingModule;
  get<T>(token: Type<T> | string | symbol | (abstract new (...args: never[]) => T)): T;
  close(): Promise<void>;
}

export async function startServices(options: {
  imports: (Type<unknown> | DynamicModule)[];
  /** Provided to every module (e.g. the job queue, as the application's global JobsModule does). */
  globalProviders?: Provider[];
  seedDemo?: boolean;
}): Promise<ServiceHarness> {
  const db = await createTestDatabase({ seedDemo: options.seedDemo ?? true });
  const dataSource = new DataSource({
    type: 'postgres',
    url: db.url,
    synchronize: false,
    extra: { max: 4 },
  });
  await dataSource.initialize();

  const globals: Provider[] = [
    { provide: DataSource, useValue: dataSource },
    ...(options.globalProviders ?? []),
  ];
  const tokens = globals.map((provider) =>
    'provide' in provider ? provider.provide : (provider as Type<unknown>),
  );
  @Global()
  @Module({ providers: globals, exports: tokens })
  class TestGlobalsModule {}

  const module = await Test.createTestingModule({
    imports: [TestGlobalsModule, ...options.imports],
  }).compile();
  await module.init();
  return {
    db,
    dataSource,
    module,
    get: (token) => module.get(token as never),
    async close() {
      await module.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}

/** A fresh ES256 key pair for signing access tokens in tests. */
export function testSigningKeys(): { privateKey: string; publicKey: string } {
  const keys = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKey: keys.privateKey, publicKey: keys.publicKey };
}
