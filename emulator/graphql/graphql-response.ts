// Writing a GraphQL answer as Magento does: webonyx's error format (message, locations, path,
// extensions), `errors` before `data`, Magento's json_encode, `application/json` without a charset
// (recorded), and the no-cache headers of its GraphQL responses.
import type { ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { FaultSwitches } from '../model/faults.js';
import { phpJsonEncode } from '../rest/php-json.js';
import { GraphQlException } from './graphql-errors.js';

export interface GraphQlAnswer {
  status: number;
  body: { errors?: readonly FormattedError[]; data?: unknown };
}

interface FormattedError {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions?: { category: string };
}

// Outside developer mode an unexpected error is masked (GraphQl/Query/ErrorHandler, FormattedError).
const INTERNAL_ERROR = 'Internal server error';

/** FormattedError::createFromException for a graphql-js error, or a GraphQL exception thrown before parsing. */
export function formatError(error: GraphQLError | GraphQlException, faults: FaultSwitches): FormattedError {
  if (error instanceof GraphQlException) return withCategory({ message: error.message }, error, faults);
  const cause = error.originalError;
  if (cause !== undefined && !(cause instanceof GraphQlException)) console.error('emulator: GraphQL resolver failed', cause);
  const message = cause === undefined || cause instanceof GraphQlException ? error.message : INTERNAL_ERROR;
  const formatted: FormattedError = {
    message,
    ...(error.locations ? { locations: error.locations.map(({ line, column }) => ({ line, column })) } : {}),
    ...(error.path ? { path: error.path } : {}),
  };
  return cause instanceof GraphQlException ? withCategory(formatted, cause, faults) : formatted;
}

function withCategory(formatted: FormattedError, exception: GraphQlException, faults: FaultSwitches): FormattedError {
  return faults.isActive('graphql-category-lost') ? formatted : { ...formatted, extensions: { category: exception.category } };
}

// RFC 7231 date, as PHP's gmdate('D, d M Y H:i:s T').
const httpDate = (date: Date): string => date.toUTCString();

export function writeGraphQlAnswer(res: ServerResponse, answer: GraphQlAnswer, faults: FaultSwitches, now: Date): void {
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(now.getUTCFullYear() - 1);
  const flattened = faults.isActive('graphql-statuses-flattened') && (answer.status === 401 || answer.status === 403);
  res.writeHead(flattened ? 200 : answer.status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'max-age=0, must-revalidate, no-cache, no-store',
    Pragma: 'no-cache',
    Expires: httpDate(yearAgo),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'X-XSS-Protection': '1; mode=block',
  });
  res.end(phpJsonEncode(answer.body));
}
