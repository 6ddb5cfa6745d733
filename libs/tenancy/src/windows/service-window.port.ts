import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ServiceWindowRecord, ServiceWindowRepository } from './service-window.repository';

/**
 * Port for other domains (workflow): what they may read about windows, in their own scoped
 * transaction. Row-level security still limits every read to the caller's scope.
 */
@Injectable()
export class ServiceWindowPort {
  constructor(private readonly windows: ServiceWindowRepository) {}

  /** A window with its hall's path and status and its staff; undefined outside the scope. */
  find(manager: EntityManager, windowId: string): Promise<ServiceWindowRecord | undefined> {
    return this.windows.find(manager, windowId);
  }

  /** Windows by id (those in scope). */
  async findEach(
    manager: EntityManager,
    windowIds: readonly string[],
  ): Promise<Map<string, ServiceWindowRecord>> {
    const rows = await this.windows.findEach(manager, [...new Set(windowIds)]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Windows by id (those in scope) and the display names of these people: one read. */
  async findEachWithNames(
    manager: EntityManager,
    windowIds: readonly string[],
    userIds: readonly string[],
  ): Promise<{ windows: Map<string, ServiceWindowRecord>; names: Map<string, string> }> {
    const { windows, names } = await this.windows.findEachWithNames(
      manager,
      [...new Set(windowIds)],
      [...new Set(userIds)],
    );
    return {
      windows: new Map(windows.map((row) => [row.id, row])),
      names: new Map(Object.entries(names)),
    };
  }

  /** The windows of these tenants (those in scope), by code. */
  listOf(manager: EntityManager, tenantIds: readonly string[]): Promise<ServiceWindowRecord[]> {
    return this.windows.listOf(manager, tenantIds);
  }

  /** SQL for other domains' lists: the window in `windowIdColumn` is one the user at `placeholder` works. */
  workedByCondition(windowIdColumn: string, placeholder: string): string {
    return this.windows.workedByCondition(windowIdColumn, placeholder);
  }

  /** SQL: the user at `placeholder` works no window. */
  worksNoWindowCondition(placeholder: string): string {
    return this.windows.worksNoWindowCondition(placeholder);
  }

  /** Ids of the windows a person works (for the role condition "at my windows"). */
  assignedTo(manager: EntityManager, userId: string): Promise<string[]> {
    return this.windows.assignedTo(manager, userId);
  }
}
