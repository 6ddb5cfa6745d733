import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { TongbanError } from './errors';

/**
 * Hands expected errors (typed, with a code) straight to GraphQL's error formatting, so Nest
 * does not log each refused login or missing record as a server error.
 */
@Catch(TongbanError)
export class TongbanErrorFilter implements GqlExceptionFilter {
  catch(error: TongbanError): TongbanError {
    return error;
  }
}
