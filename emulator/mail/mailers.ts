import { sendSmtp } from './smtp-client.js';
import type { Mailer, OutgoingMail } from './types.js';

/** The envelope sender: the address of the message's (possibly folded) From header. */
function fromAddress(raw: string): string {
  const headerBlock = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const address = /^From:.*<([^>]+)>\s*$/im.exec(headerBlock)?.[1];
  if (address === undefined) throw new Error('mail has no From address');
  return address;
}

/** Sends each mail over SMTP, one connection per mail. */
export function smtpMailer(host: string, port: number): Mailer {
  return {
    send: (mail) => sendSmtp({ host, port, from: fromAddress(mail.raw), to: mail.to, data: mail.raw }),
  };
}

/** Keeps sent mails in memory, in order (replay and unit tests). */
export function captureMailer(): Mailer & { readonly sent: readonly OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    send: (mail) => {
      sent.push(mail);
      return Promise.resolve();
    },
  };
}
