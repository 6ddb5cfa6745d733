import { Injectable, Logger } from '@nestjs/common';
import { AuditRepository, BadUserInputError, RequestContext, TenantScope } from '@tongban/core';
import { CatalogueCheck, type CatalogueRow, MAX_LISTED_PROBLEMS } from '../core/catalogue-sheet';
import { readCatalogueRows } from '../spreadsheet/catalogue-workbook';
import { type CatalogueImportRecord, CatalogueRepository } from './catalogue.repository';

/** Good rows written to the draft's staging tables at a time. */
const ROWS_PER_BATCH = 200;
/** Rows read between two reports of progress. */
const ROWS_PER_REPORT = 500;

/** Merged ranges by sheet. */
type Merges = Map<string, Set<string>>;

/**
 * What the import job does: the file's rows into a draft, or its problems. The rows are checked
 * as they are unzipped and the good ones staged in the import's transaction in batches, so the
 * memory an import takes does not grow with the catalogue.
 */
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
   * nothing. Run by the job; running it again after it finished changes nothing, and a run that
   * stops half-way commits nothing of the file.
   */
  async run(importId: string): Promise<void> {
    const claimed = await this.scope.run(async (manager) => {
      const found = await this.catalogue.claimImport(manager, importId);
      if (found) await this.catalogue.recordProgress(manager, importId, 0);
      return found;
    });
    if (!claimed) return;
    let outcome = await this.read(claimed.record, claimed.file, null);
    // Merged ranges are listed after a sheet's rows: a file that has any is read again with
    // them known, so that each merged cell is reported where it is.
    if ('merges' in outcome)
      outcome = await this.read(claimed.record, claimed.file, outcome.merges);
    if ('items' in outcome) {
      this.logger.log({ msg: 'catalogue import finished', importId, ...outcome });
    }
  }

  /**
   * One reading of the file in one transaction: its good rows staged as they come, then the
   * draft made of them under the import's lock, or its problems stored. With `merges` null
   * (the first reading), a file with merged cells is left for a second reading.
   */
  private read(
    record: CatalogueImportRecord,
    file: Buffer,
    merges: Merges | null,
  ): Promise<{ merges: Merges } | { items: number; problems: number } | { finished: true }> {
    return this.scope.run(async (manager) => {
      await this.catalogue.stageImport(manager);
      const check = new CatalogueCheck(MAX_LISTED_PROBLEMS);
      const found: Merges = new Map();
      let batch: CatalogueRow[] = [];
      let rowsRead = 0;
      // Each report in a transaction of its own, so that others see it while the import runs;
      // this one touches the import's row only at its end, once the reports are done.
      let progress = Promise.resolve();
      const report = (rows: number) => {
        if (merges) return; // the second reading: the first one reported these rows
        progress = progress.then(() =>
          this.scope.run((other) => this.catalogue.recordProgress(other, record.id, rows)),
        );
      };
      let readable = true;
      try {
        for await (const event of readCatalogueRows(file, merges ?? undefined)) {
          if (event.kind === 'end') {
            check.endSheet(event.sheet);
            if (event.merged.size) found.set(event.sheet, event.merged);
            continue;
          }
          rowsRead += 1;
          if (rowsRead % ROWS_PER_REPORT === 0) report(rowsRead);
          const read = check.row(event.sheet, event.row, event.cells);
          if (read) batch.push(read);
          else if (check.failed) batch = []; // nothing of this file will be imported
          if (batch.length >= ROWS_PER_BATCH) {
            await this.catalogue.stageRows(manager, batch);
            batch = [];
          }
        }
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        readable = false;
      }
      report(rowsRead);
      await progress;
      if (readable && !merges && found.size) return { merges: found };
      if (!check.failed) await this.catalogue.stageRows(manager, batch);
      const { problems, items } = readable
        ? check.finish()
        : { problems: [unreadable()], items: 0 };

      // Under the row's lock: a second run of the job may have finished it meanwhile.
      if (!(await this.catalogue.claimImport(manager, record.id))) return { finished: true };
      let versionId: string | null = null;
      if (problems.length === 0) {
        versionId = await this.catalogue.insertStagedDraft(manager, {
          tenantId: record.tenantId,
          label: record.label,
          createdBy: this.context.actor.userId,
          itemCount: items,
        });
        if (!versionId) problems.push(labelTaken(record.label));
      }
      await this.catalogue.finishImport(manager, record, { versionId, problems, rowsRead });
      await this.audit.record(manager, {
        tenantId: record.tenantId,
        actorId: this.context.actor.userId,
        action: versionId ? 'CATALOGUE_VERSION_IMPORTED' : 'CATALOGUE_IMPORT_FAILED',
        subjectId: versionId ?? record.id,
        details: { importId: record.id, items, problems: problems.length },
      });
      return { items: versionId ? items : 0, problems: problems.length };
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
