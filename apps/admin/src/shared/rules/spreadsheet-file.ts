/**
 * Spreadsheets between the browser and the API: an XLSX file travels as base64 in a GraphQL
 * argument and comes back the same way (templates, sheets with a problems column, exports).
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What the API accepts (its limit is on the file). */
export const MAX_SHEET_BYTES = 2 * 1024 * 1024;

/** Bytes as base64 (chunked: a large sheet would overflow the argument list). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Offers base64 XLSX bytes as a file download. */
export function downloadSheet(base64: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([fromBase64(base64)], { type: XLSX_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
