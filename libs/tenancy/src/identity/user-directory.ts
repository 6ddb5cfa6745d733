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

  /** Whether the user is an active member of the tenant (one its staff may be). */
  isMember(manager: EntityManager, tenantId: string, userId: string): Promise<boolean> {
    return this.users.isMember(manager, tenantId, userId);
  }

  displayNames(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, string>> {
    return this.users.displayNames(manager, [...new Set(userIds)]);
  }
}
