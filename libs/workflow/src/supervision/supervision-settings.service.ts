import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  BadUserInputError,
  ForbiddenError,
  RequestContext,
  subject,
  TenantKind,
  TenantScope,
} from '@tongban/core';
import { TenantDirectory } from '@tongban/tenancy';
import { SupervisionSettingsPort } from './supervision-settings.port';
import { SupervisionSettingsRepository } from './supervision-settings.repository';
import {
  type OwnSupervisionSettings,
  SUPERVISION_DEFAULTS,
  type SupervisionSettingKey,
  settingsProblems,
} from './supervision-settings';

export interface SettingsView {
  tenantId: string;
  effective: OwnSupervisionSettings;
  own: OwnSupervisionSettings;
  sources: { field: string; tenantId: string | null; tenantName: string | null }[];
  mayEdit: boolean;
}

const KEYS = Object.keys(SUPERVISION_DEFAULTS) as SupervisionSettingKey[];
const NOTHING = Object.fromEntries(KEYS.map((key) => [key, null])) as OwnSupervisionSettings;

/** Where local rules are set: a province or a county (DESIGN.md §4.4), for all below it. */
const SETTING_KINDS = new Set<TenantKind>([TenantKind.PROVINCE, TenantKind.COUNTY]);

/** Reads and sets the supervision settings of a tenant, as the acting user may. */
@Injectable()
export class SupervisionSettingsService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly tenants: TenantDirectory,
    private readonly port: SupervisionSettingsPort,
    private readonly settings: SupervisionSettingsRepository,
  ) {}

  get(tenantId: string | null): Promise<SettingsView> {
    return this.scope.run(async (manager) => {
      const tenant = await this.tenants.require(manager, tenantId ?? this.context.actor.tenant.id);
      const layers = await this.settings.layers(manager, tenant.path);
      const { settings, sources } = await this.port.effective(manager, tenant);
      const names = await this.tenants.chainNames(
        manager,
        Object.values(sources).filter((id): id is string => id !== null),
      );
      const own = layers.find((layer) => layer.tenantId === tenant.id)?.own ?? {};
      const record = subject('SupervisionSettings', {
        tenantId: tenant.id,
        tenantPath: tenant.path,
      });
      return {
        tenantId: tenant.id,
        effective: settings,
        own: { ...NOTHING, ...own },
        sources: KEYS.map((field) => ({
          field,
          tenantId: sources[field],
          tenantName: sources[field] ? (names.get(sources[field]!) ?? null) : null,
        })),
        mayEdit:
          SETTING_KINDS.has(tenant.kind) && abilityFor(this.context.actor).can('update', record),
      };
    });
  }

  /** Sets what a province or county sets itself (null: inherit); every problem at once. */
  set(tenantId: string, own: Partial<OwnSupervisionSettings>): Promise<SettingsView> {
    const problems = settingsProblems(own);
    if (problems.length) {
      throw new BadUserInputError(problems.map((p) => `${p.field}: ${p.problem}`).join('; '), {
        problems,
      });
    }
    return this.scope.run(async (manager) => {
      const tenant = await this.tenants.require(manager, tenantId);
      const record = subject('SupervisionSettings', {
        tenantId: tenant.id,
        tenantPath: tenant.path,
      });
      if (!abilityFor(this.context.actor).can('update', record)) {
        throw new ForbiddenError('You may not change the supervision settings here');
      }
      if (!SETTING_KINDS.has(tenant.kind)) {
        throw new BadUserInputError('Supervision settings are set by a province or a county', {
          problems: [
            { field: 'tenantId', code: 'NOT_A_SETTING_LEVEL', problem: 'A province or county' },
          ],
        });
      }
      await this.settings.save(
        manager,
        tenant.id,
        { ...NOTHING, ...own },
        this.context.actor.userId,
      );
      return this.get(tenant.id);
    });
  }
}
