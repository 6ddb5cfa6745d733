import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { Actor } from '../vocabulary/actor';

// A symbol, not 'tongban.actor': nestjs-cls reads a dotted string as a path into a nested
// object, which a nested context's shallow copy shares with its parent.
const ACTOR = Symbol('tongban.actor');

/** Raised when code reads the acting user outside a request or job that set one. */
export class MissingRequestContextError extends Error {
  constructor() {
    super('No acting user in this context: the request or job did not establish one');
    this.name = 'MissingRequestContextError';
  }
}

/**
 * Who is acting in the current request or job, kept in AsyncLocalStorage (nestjs-cls), never
 * in request-scoped providers. Reading it when nobody set it fails closed.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  get actor(): Actor {
    const actor = this.cls.isActive() ? this.cls.get<Actor | undefined>(ACTOR) : undefined;
    if (!actor) throw new MissingRequestContextError();
    return actor;
  }

  get hasActor(): boolean {
    return this.cls.isActive() && this.cls.get(ACTOR) !== undefined;
  }

  setActor(actor: Actor): void {
    this.cls.set(ACTOR, actor);
  }

  /** Runs `work` in a fresh context of its own with `actor` acting (jobs, service tests). */
  runAs<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      this.setActor(actor);
      return work();
    });
  }
}
