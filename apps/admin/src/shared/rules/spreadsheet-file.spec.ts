import { fromBase64, toBase64 } from './spreadsheet-file';

describe('spreadsheet files on the client', () => {
  it('round-trips bytes through base64, also past one chunk', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(toBase64(new Uint8Array([80, 75, 3, 4]))).toBe('UEsDBA==');
  });
});
