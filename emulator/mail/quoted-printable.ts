/**
 * How line breaks of the text survive encoding: `hard` keeps them as CRLF (Symfony Mime,
 * Magento 2.4.8); `encoded` writes each LF as `=0A` and cuts the result only with soft
 * breaks (laminas-mime, Magento 2.4.7). Both are seen in the recorded mails.
 */
export type LineBreakStyle = 'hard' | 'encoded';

// RFC 2045 §6.7: encoded lines are at most 76 characters, soft-break `=` included.
const MAX_LINE_LENGTH = 76;
const EQUALS = 0x3d;
const SPACE = 0x20;
const TAB = 0x09;

/** One token per UTF-8 byte: the byte itself when literal-safe, else `=XX`. */
function lineTokens(line: string): string[] {
  const bytes = Buffer.from(line, 'utf8');
  return [...bytes].map((byte, index) => {
    const whitespace = byte === SPACE || byte === TAB;
    // Whitespace is literal except at the end of a line, where transports may strip it.
    const literal = whitespace ? index < bytes.length - 1 : byte >= 33 && byte <= 126 && byte !== EQUALS;
    return literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  });
}

/** Joins tokens into lines of at most MAX_LINE_LENGTH, ending all but the last with a soft break. */
function softWrap(tokens: readonly string[]): string {
  const lines: string[] = [];
  let current = '';
  for (const token of tokens) {
    if (current.length + token.length > MAX_LINE_LENGTH - 1) {
      lines.push(`${current}=`);
      current = '';
    }
    current += token;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** RFC 2045 quoted-printable of a UTF-8 text, with CRLF line ends. */
export function encodeQuotedPrintable(text: string, lineBreaks: LineBreakStyle): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const lines = lineBreaks === 'hard' ? normalized.split('\n') : [normalized];
  return lines.map((line) => softWrap(lineTokens(line))).join('\r\n');
}
