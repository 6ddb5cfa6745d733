export * from './core/item';
export * from './core/catalogue-version';
export * from './core/localization';
export * from './core/menu';
export * from './core/catalogue-sheet';
export * from './spreadsheet/catalogue-workbook';
