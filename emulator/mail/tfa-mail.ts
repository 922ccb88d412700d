// The "2FA configuration required" mail Magento_TwoFactorAuth sends the admin when the admin-token route
// finds no active provider: from the general contact, to the admin user, with the tfat link into the admin.
import { randomBytes } from 'node:crypto';
import { composeMessage247 } from './message-2.4.7.js';
import { composeMessage248 } from './message-2.4.8.js';
import { GENERAL_SENDER, STORE_NAME } from './store-identity.js';
import { tfaConfigurationContent } from './templates/tfa-configuration.js';
import { mailLibrary, type Release } from '../model/release.js';
import type { Mailbox, OutgoingMail } from './types.js';

export interface TfaMailContext {
  release: Release;
  admin: Mailbox;
  tfat: string;
  /** Ends with `/`. */
  storeBaseUrl: string;
  now: Date;
}

export function renderTfaConfigurationMail(ctx: TfaMailContext): OutgoingMail {
  // The admin URL carries the session's secret key, 64 hex digits.
  const link = `${ctx.storeBaseUrl}admin/tfa/tfa/index/tfat/${ctx.tfat}/key/${randomBytes(32).toString('hex')}/`;
  const subject = `2FA configuration required for ${ctx.admin.name}`;
  const html = tfaConfigurationContent({ userName: ctx.admin.name, storeName: STORE_NAME, link });
  const parts = { from: GENERAL_SENDER, to: ctx.admin, subject, html, date: ctx.now };
  const raw = mailLibrary(ctx.release) === 'laminas' ? composeMessage247(parts) : composeMessage248(parts);
  return { to: ctx.admin.address, subject, html, raw };
}
