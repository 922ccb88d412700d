import { randomBytes } from 'node:crypto';
import { symfonyHeader } from './header-encoding.js';
import { rfc5322Date } from './mail-date.js';
import type { MessageParts } from './message-parts.js';
import { encodeQuotedPrintable } from './quoted-printable.js';
import type { Mailbox } from './types.js';

// Magento 2.4.8 sends through Symfony Mime. As recorded: this header order, plain
// headers where nothing needs encoding, a Message-ID of 32 hex digits at the sender's
// domain, and the body's line breaks kept as CRLF.

function mailboxHeader(name: string, mailbox: Mailbox): string {
  return symfonyHeader(name, mailbox.name, 'phrase', [`<${mailbox.address}>`]);
}

function messageId(sender: Mailbox): string {
  const domain = sender.address.slice(sender.address.lastIndexOf('@') + 1);
  return `<${randomBytes(16).toString('hex')}@${domain}>`;
}

export function composeMessage248(parts: MessageParts): string {
  const headers = [
    symfonyHeader('Subject', parts.subject, 'unstructured'),
    mailboxHeader('To', parts.to),
    mailboxHeader('From', parts.from),
    // 2.4.8-p1's MailboxHeader (PATCHES.md, live: `Sender: CustomerSupport <support@example.com>`)
    ...(parts.sender === undefined ? [] : [mailboxHeader('Sender', parts.sender)]),
    `Message-ID: ${messageId(parts.from)}`,
    'MIME-Version: 1.0',
    `Date: ${rfc5322Date(parts.date)}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Disposition: inline',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${encodeQuotedPrintable(parts.html, 'hard')}`;
}
