import { formatReceiptNumber, receiptPrefixOf } from './receipt-number';

describe('receipt numbers', () => {
  it('reads as the hall, the day and the sequence of that day', () => {
    expect(formatReceiptNumber('LC', '20261127', 7)).toBe('LC-20261127-0007');
    expect(formatReceiptNumber('450222203', '20261127', 12345)).toBe('450222203-20261127-12345');
  });

  it('uses the division code when the hall has no letters of its own', () => {
    expect(receiptPrefixOf({ receiptPrefix: 'LC', divisionCode: '450222' })).toBe('LC');
    expect(receiptPrefixOf({ receiptPrefix: null, divisionCode: '450222203' })).toBe('450222203');
  });

  it('refuses a malformed day or sequence', () => {
    expect(() => formatReceiptNumber('LC', '2026-11-27', 1)).toThrow(
      'A receipt day is YYYYMMDD, not 2026-11-27',
    );
    expect(() => formatReceiptNumber('LC', '20261127', 0)).toThrow('A sequence starts at 1');
    expect(formatReceiptNumber('LC', '20261127', 1)).toMatch(/^LC-20261127-/);
  });
});
