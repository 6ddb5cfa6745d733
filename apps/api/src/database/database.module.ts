import { DynamicModule, Module } from '@nestjs/common';
import { ReportingDataSource } from '@tongban/core';
import { DataSource } from 'typeorm';

/**
 * Makes the process's DataSource injectable everywhere, and where reports read from (core's
 * ReportingDataSource): the read replica when the process has one, else the primary.
 */
@Module({})
export class DatabaseModule {
  static forRoot(
    dataSource: DataSource,
    reportingReplica: DataSource | null = null,
  ): DynamicModule {
    const reporting: ReportingDataSource = { dataSource: reportingReplica };
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: ReportingDataSource, useValue: reporting },
      ],
      exports: [DataSource, ReportingDataSource],
    };
  }
}
