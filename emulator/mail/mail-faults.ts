// The mail-related faults, applied to a rendered reset mail: a wrong recipient, subject or
// sender, or a link without its `id`. Headers are replaced whole by a plain ASCII line.
import type { FaultSwitches } from '../model/faults.js';
import type { OutgoingMail } from './index.js';

const WRONG_RECIPIENT = 'owner@example.com';
const WRONG_SUBJECT = 'Your password';
const WRONG_SENDER = 'Owner <owner@example.com>';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `raw` with the header `name` (and its folded continuation lines) replaced by `name: value`. */
function replaceHeader(raw: string, name: string, value: string): string {
  const end = raw.indexOf('\r\n\r\n');
  const header = new RegExp(`^${escapeRegExp(name)}:.*(?:\\r\\n[ \\t].*)*`, 'im');
  return raw.slice(0, end).replace(header, `${name}: ${value}`) + raw.slice(end);
}

// The link's `id=<n>&amp;` in the HTML, and in the quoted-printable body (`=` as `=3D`, soft breaks anywhere).
function withoutLinkId(mail: OutgoingMail): OutgoingMail {
  const idInHtml = /([?&]|&amp;)id=\d+&amp;/;
  const found = idInHtml.exec(mail.html);
  if (!found) return mail;
  const literal = found[0].slice(found[1]?.length ?? 0).replace(/=/g, '=3D');
  const softBreakTolerant = new RegExp([...literal].map(escapeRegExp).join('(?:=\\r\\n)?'));
  return { ...mail, html: mail.html.replace(found[0], found[1] ?? ''), raw: mail.raw.replace(softBreakTolerant, '') };
}

export function distortMail(mail: OutgoingMail, faults: FaultSwitches): OutgoingMail {
  let result = mail;
  if (faults.isActive('mail-to-wrong-address')) {
    result = { ...result, to: WRONG_RECIPIENT, raw: replaceHeader(result.raw, 'To', `<${WRONG_RECIPIENT}>`) };
  }
  if (faults.isActive('wrong-subject')) {
    result = { ...result, subject: WRONG_SUBJECT, raw: replaceHeader(result.raw, 'Subject', WRONG_SUBJECT) };
  }
  if (faults.isActive('wrong-sender')) result = { ...result, raw: replaceHeader(result.raw, 'From', WRONG_SENDER) };
  if (faults.isActive('link-without-id')) result = withoutLinkId(result);
  return result;
}
