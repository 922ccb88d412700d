// Reading a request body, and the REST JSON deserializer (F/Webapi/Rest/Request/Deserializer/Json.php).
import type { IncomingMessage } from 'node:http';
import { decodingError } from '../model/magento-errors.js';
import type { JsonObject } from '../services/service-input.js';

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** An empty body is no parameters; invalid JSON is `Decoding error.`; a JSON list or scalar has no named keys. */
export function decodeJsonBody(body: string): JsonObject {
  if (body.trim() === '') return {};
  let decoded: unknown;
  try {
    decoded = JSON.parse(body);
  } catch {
    throw decodingError();
  }
  return typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded) ? (decoded as JsonObject) : {};
}
