/**
 * A standard catalogue version's life: drafted (items imported and edited), published (then
 * immutable, readable by every tenant below the province) and retired (kept for the records
 * of applications taken in under it, no longer adoptable).
 */
export enum CatalogueVersionStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}

const NEXT: Record<CatalogueVersionStatus, readonly CatalogueVersionStatus[]> = {
  [CatalogueVersionStatus.DRAFT]: [CatalogueVersionStatus.PUBLISHED],
  [CatalogueVersionStatus.PUBLISHED]: [CatalogueVersionStatus.RETIRED],
  [CatalogueVersionStatus.RETIRED]: [],
};

/** Whether a version may move from one status to the other. */
export function mayMoveVersion(from: CatalogueVersionStatus, to: CatalogueVersionStatus): boolean {
  return NEXT[from].includes(to);
}

/** Only a draft's items may change: a published version is what counties adopted. */
export function itemsEditable(status: CatalogueVersionStatus): boolean {
  return status === CatalogueVersionStatus.DRAFT;
}

/** Only a published version may be adopted into an implementation list. */
export function adoptable(status: CatalogueVersionStatus): boolean {
  return status === CatalogueVersionStatus.PUBLISHED;
}

/** Where an import of the catalogue spreadsheet stands. */
export enum CatalogueImportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
