import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  AuditRepository,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  JobQueue,
  NotFoundError,
  RequestContext,
  TenantKind,
  TenantScope,
} from '@tongban/core';
import { EntityManager } from 'typeorm';
import { writeCatalogueSheets } from '../core/catalogue-sheet';
import {
  CatalogueImportStatus,
  CatalogueVersionStatus,
  itemsEditable,
  mayMoveVersion,
} from '../core/catalogue-version';
import { type ItemMapping, mappingProblems } from '../core/catalogue-diff';
import type { CatalogItem } from '../core/item';
import { checkCatalogueFile, writeCatalogueWorkbook } from '../spreadsheet/catalogue-workbook';
import {
  CatalogueImportRecord,
  CatalogueRepository,
  CatalogueVersionRecord,
  type ItemFilter,
} from './catalogue.repository';
import { ImportCatalogueJob } from './import-catalogue.job';

/**
 * The standard catalogue (基本目录): imported from the spreadsheet into a draft, published
 * (then immutable), retired. The platform operator manages it at the province; every tenant
 * below reads the versions published above it.
 */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly catalogue: CatalogueRepository,
    private readonly audit: AuditRepository,
    private readonly jobs: JobQueue,
  ) {}

  versions(): Promise<CatalogueVersionRecord[]> {
    return this.scope.run((manager) => this.catalogue.listVersions(manager));
  }

  version(id: string): Promise<CatalogueVersionRecord> {
    return this.scope.run((manager) => this.requireVersion(manager, id));
  }

  items(versionId: string, filter: ItemFilter): Promise<CatalogItem[]> {
    return this.scope.run(async (manager) =>
      this.catalogue.items(manager, await this.requireVersion(manager, versionId), filter),
    );
  }

  async item(versionId: string, code: string): Promise<CatalogItem> {
    return this.scope.run(async (manager) => {
      const item = await this.catalogue.item(
        manager,
        await this.requireVersion(manager, versionId),
        code,
      );
      if (!item) throw new NotFoundError('No such item in this catalogue version');
      return item;
    });
  }

  departments(versionId: string): Promise<string[]> {
    return this.scope.run(async (manager) =>
      this.catalogue.departments(manager, await this.requireVersion(manager, versionId)),
    );
  }

  /**
   * Queues the import of a spreadsheet into a new draft. The file is checked for what can be
   * told at once (size, that it is an XLSX file); its rows are read by a background job, whose
   * progress and problems `catalogueImport` reports.
   */
  startImport(input: {
    label: string;
    fileName: string;
    base64: string;
  }): Promise<CatalogueImportRecord> {
    const actor = this.assertManager();
    const file = Buffer.from(input.base64, 'base64');
    checkCatalogueFile(file);
    const label = input.label.trim();
    if (!label)
      throw new BadUserInputError('A catalogue version needs a label', { field: 'label' });
    return this.scope
      .run(async (manager) => {
        if (await this.catalogue.labelTaken(manager, actor.tenant.id, label))
          throw new ConflictError(`A catalogue version is already labelled ${label}`);
        const id = await this.catalogue.insertImport(manager, {
          tenantId: actor.tenant.id,
          label,
          fileName: input.fileName.trim() || 'catalogue.xlsx',
          file,
          createdBy: actor.userId,
        });
        await this.audit.record(manager, {
          tenantId: actor.tenant.id,
          actorId: actor.userId,
          action: 'CATALOGUE_IMPORT_STARTED',
          subjectId: id,
          details: { label, bytes: file.length },
        });
        // Queued after the row commits would be safer against a worker faster than the commit:
        // the job finds nothing queued and returns, so it is enqueued once the row is there.
        return this.requireImport(manager, id);
      })
      .then(async (created) => {
        await this.jobs.enqueue(
          ImportCatalogueJob,
          { tenantId: actor.tenant.id, actorId: actor.userId, importId: created.id },
          { jobId: `catalogue-import:${created.id}` },
        );
        return created;
      });
  }

  catalogueImport(id: string): Promise<CatalogueImportRecord> {
    return this.scope.run((manager) => this.requireImport(manager, id));
  }

  imports(first: number): Promise<CatalogueImportRecord[]> {
    this.assertManager();
    return this.scope.run((manager) => this.catalogue.listImports(manager, first));
  }

  /** The spreadsheet of an import that failed, with a problems column (base64 XLSX). */
  async problemsWorkbook(importId: string): Promise<string | null> {
    const record = await this.catalogueImport(importId);
    if (record.status !== CatalogueImportStatus.FAILED || record.problems.length === 0) return null;
    // The file is gone once read; the problems come back on the layout's empty sheets.
    const sheets = writeCatalogueSheets([]);
    return (await writeCatalogueWorkbook(sheets, record.problems)).toString('base64');
  }

  publish(versionId: string): Promise<CatalogueVersionRecord> {
    return this.move(versionId, CatalogueVersionStatus.PUBLISHED, 'CATALOGUE_VERSION_PUBLISHED');
  }

  retire(versionId: string): Promise<CatalogueVersionRecord> {
    return this.move(versionId, CatalogueVersionStatus.RETIRED, 'CATALOGUE_VERSION_RETIRED');
  }

  /**
   * States how items of the version before (`previousVersionId`) became this draft's: splits,
   * merges and suspensions, checked against both versions (each problem named by its index).
   */
  async setMappings(
    versionId: string,
    previousVersionId: string,
    mappings: ItemMapping[],
  ): Promise<CatalogueVersionRecord> {
    const actor = this.assertManager();
    return this.scope.run(async (manager) => {
      const version = await this.requireOwnVersion(manager, versionId, true);
      if (!itemsEditable(version.status)) {
        throw new ConflictError('A published catalogue version does not change', {
          reason: 'VERSION_PUBLISHED',
        });
      }
      const previous = await this.requireVersion(manager, previousVersionId);
      const problems = mappingProblems(
        await this.catalogue.allItems(manager, previous),
        await this.catalogue.allItems(manager, version),
        mappings,
      );
      if (problems.length) {
        throw new BadUserInputError(problems.map((problem) => problem.message.enUS).join('; '), {
          reason: 'INVALID_MAPPINGS',
          problems: problems.map((problem) => ({
            field: `mappings[${problem.index}]`,
            code: problem.code,
            message: problem.message,
          })),
        });
      }
      await this.catalogue.setMappings(manager, version, mappings);
      await this.audit.record(manager, {
        tenantId: version.tenantId,
        actorId: actor.userId,
        action: 'CATALOGUE_MAPPINGS_SET',
        subjectId: version.id,
        details: { mappings: mappings.length, previousVersionId },
      });
      return this.requireVersion(manager, version.id);
    });
  }

  async deleteDraft(versionId: string): Promise<boolean> {
    const actor = this.assertManager();
    await this.scope.run(async (manager) => {
      const version = await this.requireOwnVersion(manager, versionId);
      if (version.status !== CatalogueVersionStatus.DRAFT) {
        throw new ConflictError('Only a draft is deleted; retire a published version');
      }
      await this.catalogue.deleteDraft(manager, version);
      await this.audit.record(manager, {
        tenantId: version.tenantId,
        actorId: actor.userId,
        action: 'CATALOGUE_DRAFT_DELETED',
        subjectId: version.id,
        details: { label: version.label },
      });
    });
    return true;
  }

  /** A version as the spreadsheet officials exchange (base64 XLSX). */
  async export(versionId: string): Promise<string> {
    const items = await this.scope.run(async (manager) =>
      this.catalogue.allItems(manager, await this.requireVersion(manager, versionId)),
    );
    return (await writeCatalogueWorkbook(writeCatalogueSheets(items))).toString('base64');
  }

  private move(
    versionId: string,
    to: CatalogueVersionStatus,
    action: 'CATALOGUE_VERSION_PUBLISHED' | 'CATALOGUE_VERSION_RETIRED',
  ): Promise<CatalogueVersionRecord> {
    const actor = this.assertManager();
    return this.scope.run(async (manager) => {
      const version = await this.requireOwnVersion(manager, versionId, true);
      if (!mayMoveVersion(version.status, to)) {
        throw new ConflictError(
          `A ${version.status.toLowerCase()} catalogue version cannot become ${to.toLowerCase()}`,
          {
            reason: 'ILLEGAL_TRANSITION',
            status: version.status,
          },
        );
      }
      if (to === CatalogueVersionStatus.PUBLISHED && version.itemCount === 0) {
        throw new ConflictError('An empty catalogue version is not published');
      }
      await this.catalogue.setStatus(manager, version, to);
      await this.audit.record(manager, {
        tenantId: version.tenantId,
        actorId: actor.userId,
        action,
        subjectId: version.id,
        details: { label: version.label },
      });
      return this.requireVersion(manager, version.id);
    });
  }

  /** The platform operator at the province: the only one who manages the standard. */
  private assertManager() {
    const actor = this.context.actor;
    if (
      actor.tenant.kind !== TenantKind.PROVINCE ||
      !abilityFor(actor).can('manage', 'Catalogue')
    ) {
      throw new ForbiddenError('Only the platform operator manages the standard catalogue');
    }
    return actor;
  }

  private async requireVersion(
    manager: EntityManager,
    id: string,
    lock = false,
  ): Promise<CatalogueVersionRecord> {
    const version = await this.catalogue.findVersion(manager, id, lock);
    if (!version) throw new NotFoundError('No such catalogue version');
    return version;
  }

  /** A version the actor's own tenant published (a tenant below reads, never changes, it). */
  private async requireOwnVersion(
    manager: EntityManager,
    id: string,
    lock = false,
  ): Promise<CatalogueVersionRecord> {
    const version = await this.requireVersion(manager, id, lock);
    if (version.tenantId !== this.context.actor.tenant.id) {
      throw new ForbiddenError(
        'A catalogue version is changed only by the tenant that publishes it',
      );
    }
    return version;
  }

  private async requireImport(manager: EntityManager, id: string): Promise<CatalogueImportRecord> {
    const found = await this.catalogue.findImport(manager, id);
    if (!found) throw new NotFoundError('No such catalogue import');
    return found;
  }
}
