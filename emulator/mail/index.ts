// The emulator's outgoing mail: Magento's customer templates rendered as its mailer sends them.
export type { Mailer, MailCustomer, MailTemplate, OutgoingMail } from './types.js';
export { renderMail } from './render.js';
export { captureMailer, smtpMailer } from './mailers.js';
