// Writing a REST answer the way Magento's Webapi response does: body per renderer, status,
// and the headers seen live (Cache-Control always; Expires/Pragma once a session started;
// X-Frame-Options on success).
import type { ServerResponse } from 'node:http';
import type { RendererKind } from './content-negotiation.js';
import { phpJsonEncode } from './php-json.js';
import { renderXml } from './xml-renderer.js';

const CONTENT_TYPES: Readonly<Record<RendererKind, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
};

// PHP's session cache limiter `nocache` sends these once Magento starts a session.
const SESSION_HEADERS = { Expires: 'Thu, 19 Nov 1981 08:52:00 GMT', Pragma: 'no-cache' };

export interface RestAnswer {
  status: number;
  data: unknown;
  /** The request got past the input checks, or needed the ACL: Magento had started a session. */
  sessionStarted: boolean;
}

export function writeRestAnswer(res: ServerResponse, renderer: RendererKind, answer: RestAnswer): void {
  const body = renderer === 'json' ? phpJsonEncode(answer.data) : renderXml(answer.data);
  res.writeHead(answer.status, {
    'Content-Type': CONTENT_TYPES[renderer],
    'Cache-Control': 'no-store',
    ...(answer.sessionStarted ? SESSION_HEADERS : {}),
    ...(answer.status === 200 ? { 'X-Frame-Options': 'SAMEORIGIN' } : {}),
  });
  res.end(body);
}

export function writeHtmlErrorPage(res: ServerResponse, page: string): void {
  res.writeHead(500, { 'Content-Type': 'text/html; charset=UTF-8' });
  res.end(page);
}
