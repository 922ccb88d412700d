import { laminasHeader, type QEncoding } from './header-encoding.js';
import { rfc5322Date } from './mail-date.js';
import type { MessageParts } from './message-parts.js';
import { encodeQuotedPrintable } from './quoted-printable.js';
import type { Mailbox } from './types.js';

// Magento 2.4.7 sends through laminas-mail. As recorded: this header order, a folded
// Content-Type, no Message-ID, Subject and display names always as encoded words
// (`UTF-8` for the subject, `utf-8` for names), and LF written as `=0A` in the body.

const NAME_ENCODING: QEncoding = { charset: 'utf-8', space: '=20' };
const SUBJECT_ENCODING: QEncoding = { charset: 'UTF-8', space: '=20' };

function mailboxHeader(name: string, mailbox: Mailbox): string {
  return laminasHeader(name, mailbox.name, NAME_ENCODING, [`<${mailbox.address}>`]);
}

export function composeMessage247(parts: MessageParts): string {
  const headers = [
    `Date: ${rfc5322Date(parts.date)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/html;\r\n charset="utf-8"',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Disposition: inline',
    laminasHeader('Subject', parts.subject, SUBJECT_ENCODING),
    mailboxHeader('To', parts.to),
    mailboxHeader('From', parts.from),
    // laminas' setSender gets the address alone (PATCHES.md, live on 2.4.7-p6: `Sender: <support@example.com>`)
    ...(parts.sender === undefined ? [] : [`Sender: <${parts.sender.address}>`]),
  ];
  return `${headers.join('\r\n')}\r\n\r\n${encodeQuotedPrintable(parts.html, 'encoded')}`;
}
