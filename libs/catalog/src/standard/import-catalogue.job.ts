import { JobHandler, JobProcessor, TenantJobData } from '@tongban/core';
import { CatalogueImporter } from './catalogue-importer';

export interface ImportCatalogueData extends TenantJobData {
  importId: string;
}

/**
 * Reads an uploaded catalogue spreadsheet into a draft (or its problems). Idempotent: a run
 * after the import finished finds nothing queued; a run after a crash reads the file again,
 * since nothing of a half-done run was committed.
 */
@JobProcessor({ name: 'catalog.import-catalogue', scope: 'tenant' })
export class ImportCatalogueJob implements JobHandler<ImportCatalogueData> {
  constructor(private readonly importer: CatalogueImporter) {}

  process(data: ImportCatalogueData): Promise<void> {
    return this.importer.run(data.importId);
  }
}
