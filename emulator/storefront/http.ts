// The HTTP side of the storefront front: request parameters as Magento reads them (route `/key/value/`
// pairs, the query, the form body), cookies, and the response Magento sends (status, Location, cookies).
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface StorefrontRequest {
  method: string;
  /** The action path, lower-cased: `customer/account/createpassword`. */
  action: string;
  /** `/token/<T>/`-style route parameters, then the query (getParam's order). */
  params: ReadonlyMap<string, string>;
  query: URLSearchParams;
  post: URLSearchParams;
  cookies: ReadonlyMap<string, string>;
  /** The Host header without its port: Magento's cookie domain. */
  host: string;
  referer: string | undefined;
  clientIp: string;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}

/** `/customer/account/login/referer/X/` → action `customer/account/login`, params referer=X. */
export function parseRequest(req: IncomingMessage, body: string): StorefrontRequest {
  const url = new URL(req.url ?? '/', 'http://storefront.invalid');
  const segments = url.pathname.split('/').filter(Boolean);
  const params = new Map<string, string>();
  for (let at = 3; at + 1 < segments.length; at += 2) params.set(segments[at] ?? '', decodeURIComponent(segments[at + 1] ?? ''));
  for (const [key, value] of url.searchParams) if (!params.has(key)) params.set(key, value);
  const [front = 'cms', controller = 'index', action = 'index'] = segments.map((segment) => segment.toLowerCase());
  return {
    method: req.method ?? 'GET',
    action: `${front}/${controller}/${action}`,
    params,
    query: url.searchParams,
    post: new URLSearchParams(req.method === 'POST' ? body : ''),
    cookies: parseCookies(req.headers.cookie),
    host: (req.headers.host ?? '127.0.0.1').replace(/:\d+$/, ''),
    referer: req.headers.referer,
    clientIp: req.socket.remoteAddress ?? '127.0.0.1',
  };
}

/** One Set-Cookie value in PHP's spelling: `expires=…; Max-Age=…; path=/; …`. */
export function setCookie(
  name: string,
  value: string,
  options: { maxAge: number; now: Date; domain?: string; httpOnly?: boolean; sameSite: 'Lax' | 'Strict' },
): string {
  const expires = new Date(options.now.getTime() + options.maxAge * 1000).toUTCString();
  return [
    `${name}=${value}`,
    `expires=${expires}`,
    `Max-Age=${options.maxAge}`,
    'path=/',
    ...(options.domain === undefined ? [] : [`domain=${options.domain}`]),
    ...(options.httpOnly ? ['HttpOnly'] : []),
    `SameSite=${options.sameSite}`,
  ].join('; ');
}

/** What PHP sends to delete a cookie. */
export function deletedCookie(name: string, options: { domain?: string; httpOnly?: boolean }): string {
  return [
    `${name}=deleted`,
    'expires=Thu, 01 Jan 1970 00:00:01 GMT',
    'Max-Age=0',
    'path=/',
    ...(options.domain === undefined ? [] : [`domain=${options.domain}`]),
    ...(options.httpOnly ? ['HttpOnly'] : []),
    'SameSite=Lax',
  ].join('; ');
}

export function writeStorefront(
  res: ServerResponse,
  answer: { status: 200 | 302 | 404 | 500; location?: string; cookies: readonly string[]; html: string },
): void {
  const headers: Record<string, string | string[]> = { 'Content-Type': 'text/html; charset=UTF-8' };
  if (answer.location !== undefined) headers.Location = answer.location;
  if (answer.cookies.length > 0) headers['Set-Cookie'] = [...answer.cookies];
  res.writeHead(answer.status, headers);
  res.end(answer.html);
}
