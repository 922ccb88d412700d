/** The customer fields Magento's customer mails read (`customer.name`, `id`, `email`). */
export interface MailCustomer {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
}

/** `email_reset` / `email_reminder` are the two initiatePasswordReset templates; `account_new` is the welcome mail;
 *  `password_changed` tells the customer the password was changed (no link). */
export type MailTemplate = 'email_reset' | 'email_reminder' | 'account_new' | 'password_changed';

/** One rendered mail: `to` is the bare address, `raw` the MIME message as sent (CRLF, not dot-stuffed), `html` its body. */
export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  raw: string;
}

export interface Mailer {
  /** Resolves once the mail is accepted; rejects when sending fails. */
  send(mail: OutgoingMail): Promise<void>;
}

/** A display name and address, as in `From`/`To`. */
export interface Mailbox {
  name: string;
  address: string;
}
