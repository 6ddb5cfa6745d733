import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCatalogueSheets, writeCatalogueSheets } from '../core/catalogue-sheet';
import { readCatalogueWorkbook, writeCatalogueWorkbook } from '../spreadsheet/catalogue-workbook';
import { DEMO_STANDARD_CATALOGUE } from './standard-catalogue';

/**
 * libs/catalog/demo/standard-catalogue.xlsx is the demo catalogue as the platform operator
 * would receive it: what the import tests and a newcomer upload. It must say what the data
 * says; `UPDATE_DEMO_WORKBOOK=1 npx jest -c libs/catalog/jest.config.cjs demo-workbook` rewrites it.
 */
const FILE = join(__dirname, '../../demo/standard-catalogue.xlsx');

describe('the shipped demo catalogue spreadsheet', () => {
  it('holds exactly the demo catalogue', async () => {
    if (process.env.UPDATE_DEMO_WORKBOOK === '1' || !existsSync(FILE)) {
      writeFileSync(
        FILE,
        await writeCatalogueWorkbook(writeCatalogueSheets(DEMO_STANDARD_CATALOGUE)),
      );
    }
    const read = readCatalogueSheets(await readCatalogueWorkbook(readFileSync(FILE)));
    expect(read.problems).toEqual([]);
    expect(read.items).toEqual(DEMO_STANDARD_CATALOGUE);
  });
});
