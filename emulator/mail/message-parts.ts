import type { Mailbox } from './types.js';

/** What a template mail is made of before a mailer turns it into MIME. */
export interface MessageParts {
  from: Mailbox;
  to: Mailbox;
  subject: string;
  html: string;
  date: Date;
}
