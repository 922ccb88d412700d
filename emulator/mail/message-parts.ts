import type { Mailbox } from './types.js';

/** What a template mail is made of before a mailer turns it into MIME. */
export interface MessageParts {
  from: Mailbox;
  /** The `Sender` header, written when `system/smtp/set_return_path` is on. */
  sender?: Mailbox;
  to: Mailbox;
  subject: string;
  html: string;
  date: Date;
}
