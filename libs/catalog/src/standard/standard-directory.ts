import { Injectable } from '@nestjs/common';
import { CatalogueDirectory, type DirectoryItem } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { CatalogueRepository } from './catalogue.repository';

/** Core's CatalogueDirectory port: the published standard catalogues' items by code. */
@Injectable()
export class StandardDirectory extends CatalogueDirectory {
  constructor(private readonly catalogues: CatalogueRepository) {
    super();
  }

  items(manager: EntityManager): Promise<DirectoryItem[]> {
    return this.catalogues.directory(manager);
  }
}
