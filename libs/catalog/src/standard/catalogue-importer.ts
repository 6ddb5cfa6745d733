import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Injectable, Logger } from '@nestjs/common';
import { AuditRepository, BadUserInputError, RequestContext, TenantScope } from '@tongban/core';
import {
  CatalogueCheck,
  type CatalogueRow,
  type CatalogueSheetProblem,
  MAX_LISTED_PROBLEMS,
} from '../core/catalogue-sheet';
import { readCatalogueRows } from '../spreadsheet/catalogue-workbook';
import { CatalogueRepository } from './catalogue.repository';

/** Good rows written to the draft's staging tables by one statement. */
const ROWS_PER_BATCH = 500;
/** Rows read between two reports of progress. */
const ROWS_PER_REPORT = 500;

/** Merged ranges by sheet. */
type Merges = Map<string, Set<string>>;

type Reading =
  { merges: Merges } | { problems: CatalogueSheetProblem[]; items: number; rowsRead: number };

/**
 * What the import job does: the file's rows into a draft, or its problems. The rows are checked
 * as they are unzipped and the good ones written to a spool file, so the memory an import takes
 * does not grow with the catalogue; no transaction is held while the file is read (the embedded
 * database has one connection), and the draft is made of the spool in one short transaction.
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
    const { record, file } = claimed;
    const spool = await RowSpool.open();
    try {
      let reading = await this.read(importId, file, spool, null);
      // Merged ranges are listed after a sheet's rows: a file that has any is read again with
      // them known, so that each merged cell is reported where it is.
      if ('merges' in reading) {
        await spool.reset();
        reading = await this.read(importId, file, spool, reading.merges);
      }
      if ('merges' in reading)
        throw new Error('The second reading of a catalogue file asks for a third');
      const { problems, items, rowsRead } = reading;
      await spool.close();

      const finished = await this.scope.run(async (manager) => {
        // Under the row's lock: a second run of the job may have finished it meanwhile.
        if (!(await this.catalogue.claimImport(manager, importId))) return false;
        let versionId: string | null = null;
        if (problems.length === 0) {
          await this.catalogue.stageImport(manager);
          for await (const batch of spool.batches(ROWS_PER_BATCH))
            await this.catalogue.stageRows(manager, batch);
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
        return true;
      });
      if (finished) {
        this.logger.log({
          msg: 'catalogue import finished',
          importId,
          items,
          problems: problems.length,
        });
      }
    } finally {
      await spool.remove();
    }
  }

  /**
   * One reading of the file, outside any transaction: each row checked, the good ones spooled
   * while nothing is wrong. With `merges` null (the first reading), a file with merged cells is
   * left for a second reading.
   */
  private async read(
    importId: string,
    file: Buffer,
    spool: RowSpool,
    merges: Merges | null,
  ): Promise<Reading> {
    const check = new CatalogueCheck(MAX_LISTED_PROBLEMS);
    const found: Merges = new Map();
    let rowsRead = 0;
    // Each report in a transaction of its own, so that others see it while the import runs.
    let progress = Promise.resolve();
    const report = (rows: number) => {
      if (merges) return; // the second reading: the first one reported these rows
      progress = progress.then(() =>
        this.scope.run((manager) => this.catalogue.recordProgress(manager, importId, rows)),
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
        for (const { row, cells } of event.rows) {
          rowsRead += 1;
          if (rowsRead % ROWS_PER_REPORT === 0) report(rowsRead);
          const read = check.row(event.sheet, row, cells);
          // Once anything is wrong, nothing of this file will be imported.
          if (read) spool.write(read);
        }
        await spool.drained();
      }
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      readable = false;
    } finally {
      await progress;
    }
    if (!readable) return { problems: [unreadable()], items: 0, rowsRead };
    if (!merges && found.size) return { merges: found };
    report(rowsRead);
    await progress;
    return { ...check.finish(), rowsRead };
  }
}

/**
 * The good rows of a file being read, one JSON line each in a temporary file: they wait there,
 * not in memory, until the last row is checked and the draft is made of them.
 */
class RowSpool {
  private out: WriteStream;

  private constructor(
    private readonly dir: string,
    private readonly path = join(dir, 'rows.jsonl'),
  ) {
    this.out = createWriteStream(this.path);
  }

  static async open(): Promise<RowSpool> {
    return new RowSpool(await mkdtemp(join(tmpdir(), 'tongban-catalogue-import-')));
  }

  write(row: CatalogueRow): void {
    this.out.write(`${JSON.stringify(row)}\n`);
  }

  /** Waits while the file is behind what was written. */
  async drained(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  /** Forgets what was written. */
  async reset(): Promise<void> {
    await this.close();
    this.out = createWriteStream(this.path);
  }

  async close(): Promise<void> {
    if (this.out.closed) return;
    await new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }

  /** The rows written, in order, `size` at a time. */
  async *batches(size: number): AsyncGenerator<CatalogueRow[]> {
    let batch: CatalogueRow[] = [];
    const lines = createInterface({ input: createReadStream(this.path), crlfDelay: Infinity });
    for await (const line of lines) {
      batch.push(JSON.parse(line) as CatalogueRow);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  async remove(): Promise<void> {
    this.out.destroy();
    await rm(this.dir, { recursive: true, force: true });
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
