import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { ClsService } from 'nestjs-cls';

const LOADERS = Symbol('tongban.loaders');

/** Loads many keys at once: one result (or the error for that key) per key, in key order. */
export type BatchLoad<K, V> = (keys: readonly K[]) => Promise<(V | Error)[]>;

/**
 * DataLoaders per request (DESIGN.md §5), kept in the request's AsyncLocalStorage context:
 * the field resolvers of a list (e.g. every tenant's windows) become one query in one scoped
 * transaction instead of one each. They batch, they do not cache: a mutation and a read in
 * the same request must not see an old answer. Outside a request, nothing is shared.
 */
@Injectable()
export class RequestLoaders {
  constructor(private readonly cls: ClsService) {}

  load<K, V>(name: string, batch: BatchLoad<K, V>, key: K): Promise<V> {
    return this.loader(name, batch).load(key);
  }

  private loader<K, V>(name: string, batch: BatchLoad<K, V>): DataLoader<K, V> {
    if (!this.cls.isActive()) return new DataLoader(batch, { cache: false });
    let loaders = this.cls.get<Map<string, DataLoader<unknown, unknown>>>(LOADERS);
    if (!loaders) {
      loaders = new Map();
      this.cls.set(LOADERS, loaders);
    }
    let loader = loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader(batch, { cache: false });
      loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}
