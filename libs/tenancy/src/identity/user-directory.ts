import { Injectable } from '@nestjs/common';
import type { Role } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { UserRepository } from './user.repository';

/** Port for other domains: what they may read about accounts (names for their lists). */
@Injectable()
export class UserDirectory {
  constructor(private readonly users: UserRepository) {}

  /** Active people holding `role` in these tenants (who to notify: a center's managers). */
  holdersOf(
    manager: EntityManager,
    tenantIds: readonly string[],
    role: Role,
  ): Promise<{ tenantId: string; userId: string }[]> {
    return this.users.holdersOf(manager, [...new Set(tenantIds)], role);
  }

  displayNames(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, string>> {
    return this.users.displayNames(manager, [...new Set(userIds)]);
  }
}
