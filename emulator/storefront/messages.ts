// Magento's storefront messages on their way to the browser: HTML-escaped texts in the
// `mage-messages` cookie (F/App/Response/.../MessagePlugin), URL-encoded PHP JSON.
import { escapeHtml } from '../mail/templates/html-escape.js';
import type { StoreMessage } from '../model/sessions.js';

// The escaper's htmlspecialchars with ENT_QUOTES: `'` is `&#039;` (recorded: `didn&#039;t`).
export const messageOf = (type: StoreMessage['type'], text: string): StoreMessage => ({ type, text: escapeHtml(text) });

// json_encode without flags: `/` is `\/`, anything beyond ASCII a \u escape.
const phpJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

// rawurlencode: encodeURIComponent plus ! ' ( ) *.
const rawUrlEncode = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

export const encodeMessagesCookie = (messages: readonly StoreMessage[]): string => rawUrlEncode(phpJson(messages));

/** The messages a request's cookie still carries (the browser deletes it once shown). */
export function decodeMessagesCookie(value: string | undefined): StoreMessage[] {
  if (value === undefined || value === '') return [];
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(value));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (item): item is StoreMessage =>
        typeof item === 'object' && item !== null && typeof (item as StoreMessage).text === 'string' && typeof (item as StoreMessage).type === 'string',
    );
  } catch {
    return [];
  }
}
