import { Foundation1764201600000 } from './1764201600000-foundation';

/** Every migration, in order. A schema change is a new file here, never `synchronize`. */
export const MIGRATIONS = [Foundation1764201600000];
