import { EntityManager } from 'typeorm';

/** An item as a filter offers it: the standard catalogue's code, name and competent department. */
export interface DirectoryItem {
  code: string;
  name: string;
  department: string;
}

/**
 * The standard catalogue's items by code, for domains that stand on core alone (insights
 * filter their figures by item and by competent department). Provided by @tongban/catalog,
 * which owns them; read in the caller's scoped transaction (row-level security bounds it to
 * the catalogues published above the reader).
 */
export abstract class CatalogueDirectory {
  /** Every item code of the published (or retired) versions, as its latest version has it. */
  abstract items(manager: EntityManager): Promise<DirectoryItem[]>;
}
