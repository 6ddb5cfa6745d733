/**
 * Where code may import from (apps/admin/src): the app shell on top, features below it,
 * shared code at the bottom. Shared code never imports a feature or the shell, a feature
 * never imports the shell, and no folder imports one that imports it back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The folder a file belongs to: `app`, `features/<name>`, `shared/<name>`, or `main`. */
function folderOf(path: string): string {
  const [top, name] = relative(SRC, path).split(sep);
  return top === 'features' || top === 'shared' ? `${top}/${name}` : top.replace(/\.tsx?$/, '');
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) =>
    resolve(dirname(file), m[1]),
  );
}

/** Folder → the folders it imports. */
const graph = new Map<string, Set<string>>();
for (const file of sourceFiles(SRC)) {
  const from = folderOf(file);
  const targets = graph.get(from) ?? new Set<string>();
  for (const target of importsOf(file).map(folderOf)) if (target !== from) targets.add(target);
  graph.set(from, targets);
}

const edges = [...graph].flatMap(([from, targets]) => [...targets].map((to) => [from, to]));

describe('import directions between folders', () => {
  it('shared code imports neither features nor the app shell', () => {
    expect(
      edges.filter(([from, to]) => from.startsWith('shared/') && !to.startsWith('shared/')),
    ).toEqual([]);
  });

  it('features never import the app shell', () => {
    expect(edges.filter(([from, to]) => from.startsWith('features/') && to === 'app')).toEqual([]);
  });

  it('no folder imports one that imports it back, directly or through others', () => {
    const cycles: string[][] = [];
    const visit = (path: string[]) => {
      for (const next of graph.get(path.at(-1)!) ?? []) {
        if (next === path[0]) cycles.push([...path, next]);
        else if (!path.includes(next) && next > path[0]) visit([...path, next]);
      }
    };
    for (const folder of graph.keys()) visit([folder]);
    expect(cycles).toEqual([]);
  });

  it('sees the folders it guards', () => {
    expect([...graph.keys()]).toEqual(
      expect.arrayContaining(['app', 'features/tenants', 'shared/api', 'shared/i18n']),
    );
  });
});
