// One request to `/graphql` through Magento's GraphQl controller (GraphQl/Controller/GraphQl.php,
// HttpRequestValidator/*, CustomerGraphQl's AuthorizationRequestValidator): read the query, validate
// the HTTP request (2.4.8 also the bearer token), parse, validate and execute with graphql-js, and
// answer as webonyx/graphql-php formats the result, with the status the version gives.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { execute, GraphQLError, Kind, OperationTypeNode, parse, validate } from 'graphql';
import type { DocumentNode } from 'graphql';
import type { EmulatorState } from '../model/emulator-state.js';
import { graphqlHttpStatuses } from '../model/release.js';
import { bearerOf, callerOf } from '../model/user-context.js';
import { firstHeader } from '../rest/request-headers.js';
import { readBody } from '../rest/request-body.js';
import { authenticationError, GraphQlException, inputError, statusOfCategory } from './graphql-errors.js';
import type { GraphQlCategory } from './graphql-errors.js';
import { formatError, writeGraphQlAnswer } from './graphql-response.js';
import type { GraphQlAnswer } from './graphql-response.js';
import { ROOT } from './resolvers.js';
import type { GraphQlContext } from './resolvers.js';
import { SCHEMA } from './schema.js';

interface GraphQlRequest {
  query: string;
  variables: Readonly<Record<string, unknown>>;
  operationName: string | undefined;
}

const asObject = (value: unknown): Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw inputError('Unable to parse the request.');
  }
}

/** getDataFromRequest: a POST's JSON body, or a GET's query string (`variables` as JSON text). */
function requestOf(req: IncomingMessage, raw: string): GraphQlRequest {
  const data = req.method === 'POST' ? asObject(raw === '' ? {} : decodeJson(raw)) : Object.fromEntries(new URL(req.url ?? '/', 'http://emulator').searchParams);
  const variables = typeof data.variables === 'string' && data.variables !== '' ? decodeJson(data.variables) : data.variables;
  return {
    query: typeof data.query === 'string' ? data.query : '',
    variables: asObject(variables),
    operationName: typeof data.operationName === 'string' ? data.operationName : undefined,
  };
}

/** webonyx words syntax errors without graphql-js's closing period. */
function parsed(query: string): DocumentNode {
  try {
    return parse(query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    throw new GraphQLError(error.message.replace(/\.$/, ''), { source: error.source, positions: error.positions });
  }
}

/** The HTTP request validators, in their configured order; 2.4.8 adds the bearer token's. */
function validateHttpRequest(req: IncomingMessage, request: GraphQlRequest, state: EmulatorState, now: Date): void {
  if (req.method === 'POST' && !(req.headers['content-type'] ?? '').includes('application/json')) {
    throw inputError('Request content type must be application/json');
  }
  if (req.method !== 'POST' && request.query !== '') {
    const operations = parsed(request.query).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.at(-1)?.operation === OperationTypeNode.MUTATION) throw inputError('Mutation requests allowed only for POST requests');
  }
  const bearer = bearerOf(req.headers.authorization);
  if (!graphqlHttpStatuses(state.release) || bearer === undefined) return;
  // An integration's access token reads only with the bearer option on; off, it is unreadable (HARDENED.md §2-3).
  if (state.integrations.bearer(bearer) !== undefined) return;
  const checked = state.jwt.inspect(bearer, now);
  if ('problem' in checked) {
    throw authenticationError(
      { unreadable: 'Composite reader could not read a token', expired: 'Consumer key has expired', revoked: 'User token has been revoked' }[checked.problem],
    );
  }
}

/** handleGraphQlException on 2.4.8: syntax and input errors 400, by class otherwise; 2.4.7 answers 500 (the schema-error status). */
const REQUEST_ERROR_STATUS: Readonly<Record<GraphQlCategory, number>> = {
  'graphql-input': 400,
  'graphql-authentication': 401,
  'graphql-authorization': 403,
  'graphql-no-such-entity': 500,
};

function requestErrorAnswer(error: GraphQLError | GraphQlException, state: EmulatorState): GraphQlAnswer {
  const status2_4_8 = error instanceof GraphQlException ? REQUEST_ERROR_STATUS[error.category] : 400;
  return { status: graphqlHttpStatuses(state.release) ? status2_4_8 : 500, body: { errors: [formatError(error, state.faults)] } };
}

async function answerOf(req: IncomingMessage, raw: string, state: EmulatorState, now: Date): Promise<GraphQlAnswer> {
  let document: DocumentNode;
  let request: GraphQlRequest;
  try {
    request = requestOf(req, raw);
    validateHttpRequest(req, request, state, now);
    document = parsed(request.query);
  } catch (error) {
    if (error instanceof GraphQLError || error instanceof GraphQlException) return requestErrorAnswer(error, state);
    throw error;
  }
  const invalid = validate(SCHEMA, document);
  if (invalid.length > 0) return { status: 200, body: { errors: invalid.map((e) => formatError(e, state.faults)) } };
  const context: GraphQlContext = {
    state,
    caller: callerOf(bearerOf(req.headers.authorization), state, now),
    clientIp: req.socket.remoteAddress ?? '127.0.0.1',
    now,
    recaptchaResponse: firstHeader(req.headers['x-recaptcha']),
  };
  const result = await execute({
    schema: SCHEMA,
    document,
    rootValue: ROOT,
    contextValue: context,
    variableValues: request.variables,
    operationName: request.operationName,
  });
  const errors = (result.errors ?? []).map((e) => formatError(e, state.faults));
  // getHttpResponseCode: the first error that has a category decides.
  const category = (result.errors ?? []).map((e) => e.originalError).find((e) => e instanceof GraphQlException)?.category;
  const status = graphqlHttpStatuses(state.release) ? statusOfCategory(category) : 200;
  return { status, body: { ...(errors.length > 0 ? { errors } : {}), ...(result.data === undefined ? {} : { data: result.data }) } };
}

export async function handleGraphQl(req: IncomingMessage, res: ServerResponse, state: EmulatorState): Promise<void> {
  const now = new Date();
  const raw = await readBody(req);
  writeGraphQlAnswer(res, await answerOf(req, raw, state, now), state.faults, now);
}
