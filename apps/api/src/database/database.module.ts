import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Makes the process's one DataSource injectable everywhere. */
@Module({})
export class DatabaseModule {
  static forRoot(dataSource: DataSource): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [{ provide: DataSource, useValue: dataSource }],
      exports: [DataSource],
    };
  }
}
