import { Injectable } from '@nestjs/common';
import { WorkplaceNames } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { UserRepository } from '../identity/user.repository';
import { ServiceWindowRepository } from './service-window.repository';

/** Core's WorkplaceNames port: windows' and staff members' names, as row-level security lets. */
@Injectable()
export class TenancyWorkplaceNames extends WorkplaceNames {
  constructor(
    private readonly windows: ServiceWindowRepository,
    private readonly users: UserRepository,
  ) {
    super();
  }

  async windowNames(
    manager: EntityManager,
    windowIds: readonly string[],
  ): Promise<Map<string, string>> {
    const rows = await this.windows.findEach(manager, [...new Set(windowIds)]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async windowStaff(
    manager: EntityManager,
    windowIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const rows = await this.windows.findEach(manager, [...new Set(windowIds)]);
    return new Map(rows.map((row) => [row.id, row.staffIds]));
  }

  staffNames(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, string>> {
    return this.users.displayNames(manager, [...new Set(userIds)]);
  }
}
