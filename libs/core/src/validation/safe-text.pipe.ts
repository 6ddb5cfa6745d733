import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { BadUserInputError } from '../errors/errors';
import { findUnsafeText } from './safe-text';

/** @nestjs/graphql's GqlParamtype.ARGS (not exported by the package): an `@Args` value. */
const GRAPHQL_ARGS = 3;

const MESSAGES = {
  CONTROL_CHARACTER: 'contains a NUL byte or another control character',
  BROKEN_UNICODE: 'contains broken Unicode (a lone surrogate)',
} as const;

/**
 * Global pipe, first of all: every string argument of every operation must be text
 * PostgreSQL can store (safe-text.ts). A bad one is BAD_USER_INPUT naming the field, before
 * any other check or any write.
 */
@Injectable()
export class SafeTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const kind = metadata.type as unknown;
    if (kind !== GRAPHQL_ARGS && kind !== 'body' && kind !== 'query' && kind !== 'param') {
      return value;
    }
    const found = findUnsafeText(value, metadata.data ?? 'input');
    if (found) {
      throw new BadUserInputError(`${found.path} ${MESSAGES[found.problem]}`, {
        field: found.path,
        problem: found.problem,
      });
    }
    return value;
  }
}
