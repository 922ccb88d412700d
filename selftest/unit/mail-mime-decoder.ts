// Independent decoders the mail unit tests judge the emulator's encoders with
// (written from RFC 2045 / 2047, not from the encoders, so a shared mistake can't hide).

/** RFC 2045 §6.7 quoted-printable body to text: soft breaks dropped, `=XX` to bytes, UTF-8. */
export function decodeQuotedPrintable(encoded: string): string {
  const joined = encoded.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 header value to text: unfolded; whitespace between adjacent encoded words dropped. */
export function decodeHeaderValue(value: string): string {
  const unfolded = value.replace(/\r?\n(?=[ \t])/g, '');
  const word = /=\?([^?]+)\?Q\?([^?]*)\?=/gi;
  const merged = unfolded.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return merged.replace(word, (_match, _charset: string, payload: string) =>
    decodeQuotedPrintable(payload.replace(/_/g, '=20')),
  );
}

/** Header name/value pairs of a raw message, in order, values unfolded as written. */
export function headerFields(raw: string): { name: string; value: string }[] {
  const block = raw.slice(0, raw.indexOf('\r\n\r\n'));
  return block
    .split(/\r\n(?![ \t])/)
    .map((field) => {
      const colon = field.indexOf(':');
      return { name: field.slice(0, colon), value: field.slice(colon + 1).replace(/\r\n(?=[ \t])/g, '').trim() };
    });
}

/** The body of a raw message (after the blank line). */
export function messageBody(raw: string): string {
  return raw.slice(raw.indexOf('\r\n\r\n') + 4);
}
