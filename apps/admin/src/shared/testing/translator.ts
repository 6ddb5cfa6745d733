/** A tiny `t` over one message table, with {{name}} interpolation, like i18next's (for tests). */
export function translator(
  messages: object,
): (key: string, values?: Record<string, unknown>) => string {
  return (key, values = {}) => {
    const found = key
      .split('.')
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part],
        messages,
      );
    if (typeof found !== 'string') return key;
    return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
  };
}
