import { resetLinkHasEmail } from '../model/release.js';
import type { Release } from '../model/release.js';
import type { MailTemplate } from './types.js';

/**
 * PHP `urlencode`: bytes of the UTF-8 form; `[A-Za-z0-9_.-]` stay, space becomes `+`,
 * everything else (including `~`, `*`, `@`, `+`) becomes upper-case `%XX`.
 */
export function phpUrlencode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.-]/.test(char)) out += char;
    else if (char === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export interface PasswordLinkInput {
  release: Release;
  template: MailTemplate;
  storeBaseUrl: string;
  customerId: number;
  customerEmail: string;
  token: string;
}

/**
 * The `customer/account/createPassword/` link a mail carries. Magento's URL builder sorts
 * query keys and ends the route with `/` (Framework/Url). From 2.4.8 the reset templates add the
 * stored address (`email` sorts first); the welcome mail never carries it, in either version
 * (recorded create-customer / x-welcome-mail mails).
 */
export function passwordLink(input: PasswordLinkInput): string {
  const withEmail = resetLinkHasEmail(input.release) && input.template !== 'account_new';
  const query: [string, string][] = [
    ...(withEmail ? [['email', input.customerEmail] as [string, string]] : []),
    ['id', String(input.customerId)],
    ['token', input.token],
  ];
  const encoded = query.map(([key, value]) => `${key}=${phpUrlencode(value)}`).join('&');
  return `${input.storeBaseUrl}customer/account/createPassword/?${encoded}`;
}
