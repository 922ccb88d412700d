// The registry: which of the suite's own schemas judges each kind of recorded exchange.
// A kind (REST, GraphQL, storefront) owns exchanges by their path and names their route; a route the
// suite has a schema for is judged, any other is reported as not judged, with why. Never passed silently.
import type { z } from 'zod';
import { booleanBody, customerBody, jwtBody, magentoError } from '../../fixtures/magento/schemas.js';
import { GRAPHQL_CONTENT_TYPE } from '../../fixtures/magento-graphql/result.js';
import { errorsOnlyBody, graphqlBody, payloads } from '../../fixtures/magento-graphql/schemas.js';
import type { Exchange } from './recordings.js';

export type Verdict =
  | { readonly judged: true; /** What the suite's schema refused; undefined when it parsed. */ readonly refusal?: string }
  | { readonly judged: false; readonly reason: string; /** What sets this case apart, shown beside it. */ readonly detail?: string };

export interface ExchangeKind {
  readonly name: string;
  owns(exchange: Exchange): boolean;
  /** The route (REST), operation (GraphQL) or page (storefront), as the coverage table names it. */
  routeOf(exchange: Exchange): string;
  judge(exchange: Exchange, route: string): Verdict;
}

/** The first problem zod finds, or undefined when the value parses. */
function refusalBy(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return `${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'refused'}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const JSON_TYPE = /^application\/json\b/i;

// ---- REST -----------------------------------------------------------------------------------------

/** The routes fixtures/magento/client.ts calls, each with the success schema it parses a 200 with. */
const REST_ROUTES: readonly { route: string; path: RegExp; success: z.ZodType }[] = [
  { route: 'POST /V1/integration/admin/token', path: /^\/V1\/integration\/admin\/token$/, success: jwtBody },
  { route: 'POST /V1/integration/customer/token', path: /^\/V1\/integration\/customer\/token$/, success: jwtBody },
  { route: 'POST /V1/customers', path: /^\/V1\/customers$/, success: customerBody },
  { route: 'DELETE /V1/customers/:customerId', path: /^\/V1\/customers\/[^/]+$/, success: booleanBody },
  { route: 'PUT /V1/customers/password', path: /^\/V1\/customers\/password$/, success: booleanBody },
  { route: 'POST /V1/customers/resetPassword', path: /^\/V1\/customers\/resetPassword$/, success: booleanBody },
  {
    route: 'GET /V1/customers/:customerId/password/resetLinkToken/:token',
    path: /^\/V1\/customers\/[^/]+\/password\/resetLinkToken\/[^/]+$/,
    success: booleanBody,
  },
  { route: 'GET /V1/customers/me', path: /^\/V1\/customers\/me$/, success: customerBody },
];

/** `/rest/<store code>/V1/…` or `/rest/V1/…` → `/V1/…`, without the query. */
const restPath = (path: string): string => path.replace(/\?.*$/, '').replace(/^\/rest\/(?:[a-z0-9_]+\/)?(?=V1\/)/, '/');

const restRoute = (exchange: Exchange) => {
  const path = restPath(exchange.request.path);
  return REST_ROUTES.find((route) => route.path.test(path) && exchange.request.method === route.route.split(' ')[0]);
};

const rest: ExchangeKind = {
  name: 'REST',
  owns: (exchange) => exchange.request.path.startsWith('/rest/'),
  routeOf: (exchange) =>
    restRoute(exchange)?.route ?? `${exchange.request.method} ${restPath(exchange.request.path).replace(/\/\d+(?=\/|$)/g, '/:id')}`,
  judge(exchange) {
    const { request, response } = exchange;
    if (!JSON_TYPE.test(response.headers['content-type'])) {
      const accept = request.headers.accept ?? '(none)';
      if (accept !== 'application/json') {
        const detail = `${response.headers['content-type']} to Accept ${accept}`;
        return { judged: false, reason: 'not JSON, to an Accept the suite never sends (it asks for application/json)', detail };
      }
      return { judged: true, refusal: `answered ${response.headers['content-type']} to Accept application/json` };
    }
    const body = parseJson(response.body);
    if (!body.ok) return { judged: true, refusal: 'a JSON Content-Type with a body that is not JSON' };
    if (response.status !== 200) return { judged: true, refusal: refusalBy(magentoError, body.value) };
    const route = restRoute(exchange);
    if (route === undefined) return { judged: false, reason: 'a route the suite does not call: no success schema for it' };
    return { judged: true, refusal: refusalBy(route.success, body.value) };
  },
};

// ---- GraphQL --------------------------------------------------------------------------------------

/**
 * The operations the suite's GraphQL client sends (first field of the query), each with the schema its
 * answer is parsed with: data, or errors beside a null field (fixtures/magento-graphql/schemas.ts).
 */
const GRAPHQL_OPERATIONS: Readonly<Record<string, z.ZodType>> = Object.fromEntries(
  Object.entries(payloads).map(([field, payload]) => [field, graphqlBody<unknown>(field, payload)]),
);
/** The suite's schema for an answer holding only errors: query validation, or 2.4.8 turning a bearer away. */
const GRAPHQL_ERROR: z.ZodType = errorsOnlyBody;

const graphqlOperation = (exchange: Exchange): string => {
  const body = parseJson(exchange.request.body ?? '');
  const query = body.ok && typeof body.value === 'object' && body.value !== null ? (body.value as { query?: unknown }).query : undefined;
  const match = typeof query === 'string' ? /^\s*(?:(query|mutation)\b[^{]*)?\{\s*(\w+)/.exec(query) : null;
  return match ? `${match[1] ?? 'query'} ${match[2] ?? ''}` : '(unparsable query)';
};

const graphql: ExchangeKind = {
  name: 'GraphQL',
  owns: (exchange) => restPath(exchange.request.path) === '/graphql',
  routeOf: (exchange) => `graphql ${graphqlOperation(exchange)}`,
  judge(exchange, route) {
    const contentType = exchange.response.headers['content-type'];
    if (contentType !== GRAPHQL_CONTENT_TYPE) return { judged: true, refusal: `answered ${contentType}, the suite expects ${GRAPHQL_CONTENT_TYPE}` };
    const body = parseJson(exchange.response.body);
    if (!body.ok) return { judged: true, refusal: 'a GraphQL answer that is not JSON' };
    const errorsOnly = typeof body.value === 'object' && body.value !== null && 'errors' in body.value && !('data' in body.value);
    const schema = errorsOnly ? GRAPHQL_ERROR : GRAPHQL_OPERATIONS[route.replace(/^graphql (query|mutation) /, '')];
    if (schema === undefined) return { judged: false, reason: 'an operation the suite does not send: no data schema for it' };
    return { judged: true, refusal: refusalBy(schema, body.value) };
  },
};

// ---- storefront -----------------------------------------------------------------------------------

/** Storefront pages the suite's browser specs check, each with what judges a recorded answer. Empty until they land. */
const STOREFRONT_PAGES: Readonly<Record<string, (exchange: Exchange) => string | undefined>> = {};

const storefront: ExchangeKind = {
  name: 'storefront',
  owns: (exchange) => !exchange.request.path.startsWith('/rest/') && restPath(exchange.request.path) !== '/graphql',
  // Magento routes are front/controller/action; what follows (`token/<t>/`, `referer/<r>/`) is parameters.
  routeOf: (exchange) => `${exchange.request.method} ${/^\/[^/?]*\/?[^/?]*\/?[^/?]*\/?/.exec(exchange.request.path)?.[0] ?? '/'}`,
  judge(exchange, route) {
    const judge = STOREFRONT_PAGES[route];
    if (judge === undefined) return { judged: false, reason: 'no suite schema for storefront pages yet' };
    return { judged: true, refusal: judge(exchange) };
  },
};

/** Every kind of exchange, in the order they are tried. */
export const KINDS: readonly ExchangeKind[] = [rest, graphql, storefront];

export function kindOf(exchange: Exchange): ExchangeKind {
  const kind = KINDS.find((candidate) => candidate.owns(exchange));
  if (kind === undefined) throw new Error(`no kind owns ${exchange.request.method} ${exchange.request.path}`);
  return kind;
}
