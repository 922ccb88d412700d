// A mail's essential shape, comparable between a recorded `.eml` and the emulator's MIME:
// decoded Subject/From/To, a single text/html part, and the createPassword link's form.
// Message-ID, Date, header folding and encoded-word choices are left out: they differ by design.

export type MailShape = {
  subject: string;
  from: string;
  to: string;
  contentType: string;
  /** `/customer/account/createPassword/?email=<recipient>&id=<recipient id>&token=<…>`, keys in their order. */
  link: string;
};

/** `=XX` escapes (quoted-printable, RFC 2047 `Q`) to the UTF-8 text they spell. */
const unescapeBytes = (text: string): string =>
  Buffer.from(text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');

/** RFC 2047 encoded words (`=?UTF-8?Q?Reset=20your?=`, `=?utf-8?B?…?=`) to text. */
const decodeWords = (value: string): string =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : unescapeBytes(text.replace(/_/g, ' ')),
    );

function linkForm(html: string, recipient: string, recipientId: number | undefined): string {
  const href = /href="([^"]*\/customer\/account\/createPassword\/[^"]*)"/.exec(html)?.[1];
  if (href === undefined) return '<no createPassword link>';
  const url = new URL(href.replaceAll('&amp;', '&'));
  const described = [...url.searchParams].map(([key, value]) => {
    if (key === 'token') return `token=${/^[A-Za-z0-9]{32}$/.test(value) ? '<32 letters and digits>' : value}`;
    if (key === 'id') return `id=${value === String(recipientId) ? '<recipient id>' : value}`;
    if (key === 'email') return `email=${value.toLowerCase() === recipient ? '<recipient>' : value}`;
    return `${key}=${value}`;
  });
  return `${url.pathname}?${described.join('&')}`;
}

/** The shape of a raw MIME message (LF or CRLF line ends); `recipientId` is the addressee's customer id. */
export function mailShape(raw: string, recipientId?: number): MailShape {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const head = text.slice(0, split).replace(/\n[ \t]+/g, ' ');
  const body = text.slice(split + 2);
  const header = (name: string): string =>
    decodeWords(new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1] ?? `<no ${name}>`).trim();
  const to = header('To');
  const recipient = (/<([^>]+)>/.exec(to)?.[1] ?? to).toLowerCase();
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const html = encoding === 'quoted-printable' ? unescapeBytes(body.replace(/=\n/g, '')) : body;
  return {
    subject: header('Subject'),
    from: header('From'),
    to,
    contentType: header('Content-Type').replace(/\s+/g, ' ').replace(/"/g, '').toLowerCase(),
    link: linkForm(html, recipient, recipientId),
  };
}
