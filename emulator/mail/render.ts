import { composeMessage247 } from './message-2.4.7.js';
import { composeMessage248 } from './message-2.4.8.js';
import type { MessageParts } from './message-parts.js';
import { passwordLink } from './reset-link.js';
import { GENERAL_SENDER, STORE_NAME, SUPPORT_SENDER } from './store-identity.js';
import { accountNewContent } from './templates/account-new.js';
import { emailLayout } from './templates/layout.js';
import { passwordChangedContent } from './templates/password-changed.js';
import { passwordResetContent } from './templates/password-reset.js';
import { mailLibrary } from '../model/release.js';
import type { Release } from '../model/release.js';
import type { Mailbox, MailCustomer, MailTemplate, OutgoingMail } from './types.js';

export interface RenderContext {
  release: Release;
  customer: MailCustomer;
  /** The plaintext rp_token the link carries. */
  token: string;
  /** Ends with `/`. */
  storeBaseUrl: string;
  now: Date;
  /** `system/smtp/set_return_path` is on: the sender identity goes out as `Sender` too. */
  returnPath?: boolean;
}

interface TemplateSpec {
  subject: string;
  sender: Mailbox;
  content(values: { customerName: string; customer: MailCustomer; storeBaseUrl: string; link: string }): string;
}

const resetSpec: TemplateSpec = {
  // Both reset templates share `Reset your %store_name password` (Magento_Customer email templates).
  subject: `Reset your ${STORE_NAME} password`,
  sender: SUPPORT_SENDER,
  content: ({ customerName, link }) => passwordResetContent({ customerName, link }),
};

const TEMPLATES: Record<MailTemplate, TemplateSpec> = {
  email_reset: resetSpec,
  email_reminder: resetSpec,
  account_new: {
    subject: `Welcome to ${STORE_NAME}`,
    sender: GENERAL_SENDER,
    content: ({ customerName, customer, storeBaseUrl, link }) =>
      accountNewContent({ customerName, customerEmail: customer.email, storeName: STORE_NAME, storeBaseUrl, link }),
  },
  password_changed: {
    subject: `Your ${STORE_NAME} password has been changed`,
    sender: SUPPORT_SENDER,
    content: ({ customerName }) => passwordChangedContent({ customerName, storeName: STORE_NAME, storeEmail: SUPPORT_SENDER.address }),
  },
};

// Customer/Helper/View::getCustomerName joins the non-empty name parts with single spaces.
function customerName(customer: MailCustomer): string {
  return [customer.firstname, customer.lastname].filter((part) => part !== '').join(' ');
}

/** The mail Magento `release` sends for `template`, ready for a Mailer. */
export function renderMail(template: MailTemplate, ctx: RenderContext): OutgoingMail {
  const spec = TEMPLATES[template];
  const name = customerName(ctx.customer);
  const link = passwordLink({
    release: ctx.release,
    template,
    storeBaseUrl: ctx.storeBaseUrl,
    customerId: ctx.customer.id,
    customerEmail: ctx.customer.email,
    token: ctx.token,
  });
  const html = emailLayout(
    ctx.storeBaseUrl,
    STORE_NAME,
    spec.content({ customerName: name, customer: ctx.customer, storeBaseUrl: ctx.storeBaseUrl, link }),
  );
  const parts: MessageParts = {
    from: spec.sender,
    ...(ctx.returnPath === true ? { sender: spec.sender } : {}),
    to: { name, address: ctx.customer.email },
    subject: spec.subject,
    html,
    date: ctx.now,
  };
  const raw = mailLibrary(ctx.release) === 'laminas' ? composeMessage247(parts) : composeMessage248(parts);
  return { to: ctx.customer.email, subject: spec.subject, html, raw };
}
