/**
 * The supervisor's board as the console shows it: one row per window with its open yellow and
 * red cards, the windows with red cards first. Plain TypeScript.
 */
export interface BoardCount {
  tenantId: string;
  tenantName: string;
  windowId: string;
  windowName: string;
  level: 'YELLOW' | 'RED';
  open: number;
}

export interface BoardRow {
  key: string;
  tenantName: string;
  windowName: string;
  yellow: number;
  red: number;
}

export function boardRows(counts: readonly BoardCount[]): BoardRow[] {
  const rows = new Map<string, BoardRow>();
  for (const count of counts) {
    const key = `${count.tenantId}:${count.windowId}`;
    const row = rows.get(key) ?? {
      key,
      tenantName: count.tenantName,
      windowName: count.windowName,
      yellow: 0,
      red: 0,
    };
    if (count.level === 'RED') row.red += count.open;
    else row.yellow += count.open;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      b.red - a.red ||
      b.yellow - a.yellow ||
      a.tenantName.localeCompare(b.tenantName, 'zh-CN') ||
      a.windowName.localeCompare(b.windowName, 'zh-CN'),
  );
}

/** A share as the subtitle says it (0.2 → "20%"). */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;
