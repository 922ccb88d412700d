// The registry: which of the suite's own schemas judges each kind of recorded exchange.
// A kind (REST, GraphQL, storefront) owns exchanges by their path and names their route; a route the
// suite has a schema for is judged, any other is reported as not judged, with why. Never passed silently.
import type { z } from 'zod';
import { booleanBody, customerBody, jwtBody, magentoError } from '../../fixtures/magento/schemas.js';
import { GRAPHQL_CONTENT_TYPE } from '../../fixtures/magento-graphql/result.js';
import { errorsOnlyBody, graphqlBody, payloads } from '../../fixtures/magento-graphql/schemas.js';
import { luma } from '../../fixtures/storefront/theme.js';
import type { Exchange, PageSummary } from './recordings.js';

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

/** One compound selector (`form.password.forget`, `input[name="login[username]"]`) in parts. */
interface Compound {
  readonly tag?: string;
  readonly id?: string;
  readonly classes: readonly string[];
  readonly attributes: readonly { name: string; contains: boolean; value: string }[];
}

/** The compound selectors fixtures/storefront/theme.ts writes: a tag, `#id`, `.class`, `[attr="v"]`, `[attr*="v"]`. */
function compoundOf(text: string): Compound {
  const tag = /^[a-z]+/.exec(text)?.[0];
  const id = /#([\w-]+)/.exec(text)?.[1];
  const classes = [...text.replace(/\[[^\]]*"[^"]*"\]|\[[^\]]*\]/g, '').matchAll(/\.([\w-]+)/g)].map((m) => m[1] ?? '');
  const attributes = [...text.matchAll(/\[([\w-]+)(\*?)=(?:"([^"]*)"|([^\]]*))\]/g)].map((m) => ({
    name: m[1] ?? '',
    contains: m[2] === '*',
    value: m[3] ?? m[4] ?? '',
  }));
  return { ...(tag === undefined ? {} : { tag }), ...(id === undefined ? {} : { id }), classes, attributes };
}

type Element = Readonly<Record<string, unknown>>;

function elementMatches(compound: Compound, element: Element): boolean {
  const classes = typeof element.class === 'string' ? element.class.split(/\s+/) : [];
  return (compound.tag === undefined || element.tag === compound.tag)
    && (compound.id === undefined || element.id === compound.id)
    && compound.classes.every((name) => classes.includes(name))
    && compound.attributes.every(({ name, contains, value }) => {
      const actual = element[name];
      return typeof actual === 'string' && (contains ? actual.includes(value) : actual === value);
    });
}

/**
 * Whether the recorded page holds what a theme selector (`form …` or `form … field`) finds: a form, and
 * within it the field or button. Read from the recorder's page summary (its forms, fields and buttons).
 */
function pageHolds(summary: PageSummary, selector: string): boolean {
  const [form, inner, ...rest] = selector.split(/\s+/).map(compoundOf);
  if (form === undefined || rest.length > 0) throw new Error(`theme selector ${selector}: the judge reads \`form\` or \`form field\``);
  return summary.forms.some((recorded) => {
    const { fields, buttons, ...attributes } = recorded;
    if (!elementMatches(form, { tag: 'form', ...attributes })) return false;
    return inner === undefined || [...fields, ...buttons.map((button) => ({ tag: 'button', ...button }))].some((element) => elementMatches(inner, element));
  });
}

type PageJudge = (exchange: Exchange) => Verdict;
const judged = (refusal: string | undefined): Verdict => (refusal === undefined ? { judged: true } : { judged: true, refusal });

/** A Magento route of a path: front/controller/action; what follows (`token/<t>/`, `referer/<r>/`) is parameters. */
const storefrontRoute = (path: string): string => /^\/[^/?]*\/?[^/?]*\/?[^/?]*\/?/.exec(path)?.[0] ?? '/';

/** A 5xx is no contract of a page's; the storefront specs never provoke one (a reCAPTCHA post is the 2.4.8-hardened set's). */
const serverError = (exchange: Exchange): Verdict | undefined =>
  exchange.response.status >= 500 ? { judged: false, reason: 'a server error, which no storefront spec provokes', detail: `${exchange.response.status}` } : undefined;

/** The path (after the store) a redirect sends the browser to; some sets keep Location beside the judged headers. */
const redirectPath = (exchange: Exchange): string | undefined => {
  const location = exchange.response.headers.location ?? exchange.other_response_headers?.location;
  return typeof location === 'string' ? new URL(location, 'http://store.invalid').pathname : undefined;
};

/** A form post or a link: the suite waits for the redirect (302) Magento answers with, to the route it expects. */
const redirects = (to?: readonly string[]): PageJudge => (exchange) => {
  const status = exchange.response.status;
  if (status !== 302) return serverError(exchange) ?? judged(`answered ${status}, the suite expects a redirect (302)`);
  const path = redirectPath(exchange);
  if (path === undefined) return judged('a redirect with no Location');
  // Magento's router matches routes whatever their case (website 2 of 2.4.8-multisite mails `createPassword/`).
  const route = storefrontRoute(path).toLowerCase();
  return judged(to === undefined || to.some((expected) => expected.toLowerCase() === route) ? undefined : `redirects to ${path}, the suite expects ${to.join(' or ')}`);
};

/** A page the suite fills in: a 200 whose summary holds every selector the theme gives for it; or a redirect. */
const formPage = (selectors: Readonly<Record<string, string>>): PageJudge => (exchange) => {
  if (exchange.response.status !== 200) return redirects()(exchange);
  const summary = exchange.summary;
  if (summary === undefined) return { judged: false, reason: 'a page recorded without its summary of forms and fields' };
  const missing = Object.entries(selectors).filter(([, selector]) => !pageHolds(summary, selector));
  return judged(missing.length === 0 ? undefined : `no ${missing.map(([key, selector]) => `${key} (${selector})`).join(', ')} on the page`);
};

/** Whether an HTML page has an element carrying every class of `.a .b` (the suite's descendant selector). */
const htmlHasClasses = (html: string, selector: string): boolean =>
  selector.split(/\s+/).map(compoundOf).every(({ classes }) =>
    [...html.matchAll(/class="([^"]*)"/g)].some((m) => classes.every((name) => (m[1] ?? '').split(/\s+/).includes(name))));

/** The signed-in account page, where the suite reads the contact block; signed out, a redirect to sign in. */
const accountPage: PageJudge = (exchange) => {
  if (exchange.response.status !== 200) return redirects(['/customer/account/login/'])(exchange);
  const selector = luma.account.contactInformation;
  return judged(htmlHasClasses(exchange.response.body, selector) ? undefined : `no ${selector} on the account page`);
};

/**
 * Storefront pages the browser specs drive (fixtures/storefront/forms.ts, shopper.ts), each with what the
 * suite relies on: the fields the Luma theme's selectors find (fixtures/storefront/theme.ts), and where a
 * redirect goes (the mailed link to the set-password page, or a refused one to the forgot page).
 */
const { forgot, setPassword, login } = luma;
const STOREFRONT_PAGES: Readonly<Record<string, PageJudge>> = {
  'GET /customer/account/forgotpassword/': formPage({ form: forgot.form, email: forgot.email, captcha: forgot.captcha, submit: forgot.submit }),
  'POST /customer/account/forgotpasswordpost/': redirects(),
  'GET /customer/account/createPassword/': redirects(['/customer/account/createpassword/', '/customer/account/forgotpassword/']),
  'GET /customer/account/createpassword/': formPage({
    form: setPassword.form, password: setPassword.password, confirmation: setPassword.confirmation, submit: setPassword.submit,
  }),
  'POST /customer/account/resetpasswordpost/': redirects(),
  'GET /customer/account/login/': formPage({ form: login.form, email: login.email, password: login.password, submit: login.submit }),
  'POST /customer/account/loginPost/': redirects(['/customer/account/', '/customer/account/login/']),
  'GET /customer/account/': accountPage,
};

const storefront: ExchangeKind = {
  name: 'storefront',
  owns: (exchange) => !exchange.request.path.startsWith('/rest/') && restPath(exchange.request.path) !== '/graphql',
  routeOf: (exchange) => `${exchange.request.method} ${storefrontRoute(exchange.request.path)}`,
  judge(exchange, route) {
    const judge = STOREFRONT_PAGES[route];
    if (judge === undefined) return { judged: false, reason: 'a page the storefront specs do not drive' };
    return judge(exchange);
  },
};

/** Every kind of exchange, in the order they are tried. */
export const KINDS: readonly ExchangeKind[] = [rest, graphql, storefront];

export function kindOf(exchange: Exchange): ExchangeKind {
  const kind = KINDS.find((candidate) => candidate.owns(exchange));
  if (kind === undefined) throw new Error(`no kind owns ${exchange.request.method} ${exchange.request.path}`);
  return kind;
}
