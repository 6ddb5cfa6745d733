import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * No import runs back up between the folders of a library or of the admin app (issue 7):
 * inside each source root, the graph of "a file in folder A imports a file in folder B" over
 * the top-level folders must have no cycle, so each folder has an obvious place in the layers.
 */
const ROOT = resolve(__dirname, '../..');
const SOURCE_ROOTS = [
  ...readdirSync(join(ROOT, 'libs'))
    .map((lib) => join('libs', lib, 'src'))
    .filter((dir) => exists(join(ROOT, dir))),
  'apps/api/src',
  'apps/admin/src',
  'apps/admin/src/features',
];

function exists(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The top-level folder of a file under `root` ('.' for files directly in it). */
function folderOf(root: string, file: string): string {
  const [first, ...rest] = relative(root, file).split(sep);
  return rest.length ? first : '.';
}

/** Edges between top-level folders from relative imports. */
export function folderGraph(root: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(root)) {
    const from = folderOf(root, file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const to = folderOf(root, resolve(dirname(file), match[1]));
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** One cycle of the graph as a list of folders, or null. */
export function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('folders import in one direction', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', new Set(['b'])]]))).toBeNull();
  });

  it.each(SOURCE_ROOTS)('%s has no import cycle between its folders', (root) => {
    const graph = folderGraph(join(ROOT, root));
    expect(graph.size).toBeGreaterThan(0);
    expect(findCycle(graph)).toBeNull();
  });
});
