import { Injectable, Logger } from '@nestjs/common';
import { AuditRepository, BadUserInputError, RequestContext, TenantScope } from '@tongban/core';
import { readCatalogueSheets } from '../core/catalogue-sheet';
import { readCatalogueWorkbook } from '../spreadsheet/catalogue-workbook';
import { CatalogueRepository } from './catalogue.repository';

/** What the import job does: the file's rows into a draft, or its problems. */
@Injectable()
export class CatalogueImporter {
  private readonly logger = new Logger(CatalogueImporter.name);

  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly catalogue: CatalogueRepository,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Reads a queued import's file and stores its items as a draft, or its problems: all or
   * nothing. Run by the job; running it again after it finished changes nothing.
   */
  async run(importId: string): Promise<void> {
    const claimed = await this.scope.run(async (manager) => {
      const found = await this.catalogue.claimImport(manager, importId);
      if (found) await this.catalogue.recordProgress(manager, importId, 0);
      return found;
    });
    if (!claimed) return;
    const { record, file } = claimed;
    let rowsRead = 0;
    let progress = Promise.resolve();
    const sheets = await readCatalogueWorkbook(file, (rows) => {
      rowsRead = rows;
      // Each report in a transaction of its own, so that others see it while the import runs.
      progress = progress.then(() =>
        this.scope.run((manager) => this.catalogue.recordProgress(manager, importId, rows)),
      );
    }).catch((error: unknown) => {
      if (error instanceof BadUserInputError) return null;
      throw error;
    });
    await progress;
    const { items, problems } = sheets
      ? readCatalogueSheets(sheets)
      : { items: [], problems: [unreadable()] };

    await this.scope.run(async (manager) => {
      // Again under the row's lock: a second run of the job may have finished it meanwhile.
      if (!(await this.catalogue.claimImport(manager, importId))) return;
      let versionId: string | null = null;
      if (problems.length === 0) {
        versionId = await this.catalogue.insertDraft(manager, {
          tenantId: record.tenantId,
          label: record.label,
          createdBy: this.context.actor.userId,
          items,
        });
        if (!versionId) problems.push(labelTaken(record.label));
      }
      await this.catalogue.finishImport(manager, record, { versionId, problems, rowsRead });
      await this.audit.record(manager, {
        tenantId: record.tenantId,
        actorId: this.context.actor.userId,
        action: versionId ? 'CATALOGUE_VERSION_IMPORTED' : 'CATALOGUE_IMPORT_FAILED',
        subjectId: versionId ?? record.id,
        details: { importId: record.id, items: items.length, problems: problems.length },
      });
    });
    this.logger.log({
      msg: 'catalogue import finished',
      importId,
      items: items.length,
      problems: problems.length,
    });
  }
}

function unreadable() {
  return {
    sheet: '',
    row: null,
    column: null,
    code: 'NOT_XLSX' as const,
    message: {
      zhCN: '文件不是可读取的 XLSX 表格',
      enUS: 'The file is not a readable XLSX spreadsheet',
    },
  };
}

function labelTaken(label: string) {
  return {
    sheet: '',
    row: null,
    column: null,
    code: 'LABEL_TAKEN' as const,
    message: {
      zhCN: `已有名为“${label}”的目录版本`,
      enUS: `A catalogue version is already labelled ${label}`,
    },
  };
}
