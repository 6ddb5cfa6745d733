import { Injectable } from '@nestjs/common';
import type { TenantNode } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { type EffectiveSupervisionSettings, effectiveSettings } from './supervision-settings';
import { SupervisionSettingsRepository } from './supervision-settings.repository';

/**
 * The settings a tenant works under (its own and its ancestors', nearest first), read in the
 * caller's scoped transaction: for the deadline sweep, evaluation and rectification.
 */
@Injectable()
export class SupervisionSettingsPort {
  constructor(private readonly settings: SupervisionSettingsRepository) {}

  async effective(
    manager: EntityManager,
    tenant: Pick<TenantNode, 'path'>,
  ): Promise<EffectiveSupervisionSettings> {
    return effectiveSettings(await this.settings.layers(manager, tenant.path));
  }
}
