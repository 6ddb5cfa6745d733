import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UserRepository } from './user.repository';

/** Port for other domains: what they may read about accounts (names for their lists). */
@Injectable()
export class UserDirectory {
  constructor(private readonly users: UserRepository) {}

  displayNames(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, string>> {
    return this.users.displayNames(manager, [...new Set(userIds)]);
  }
}
