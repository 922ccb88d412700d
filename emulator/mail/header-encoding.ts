// RFC 2047 encoded words and RFC 5322 folding for the header values a mailer writes.

// RFC 2047 §5(3): the only characters a "Q" encoded word may carry as-is inside a phrase.
const Q_SAFE = /^[A-Za-z0-9!*+\-/]$/;
// RFC 2047 §2: an encoded word is at most 75 characters.
const MAX_ENCODED_WORD = 75;
// RFC 5322 §2.1.1: header lines should stay within 78 characters; mailers fold at 76.
const FOLD_AT = 76;

export interface QEncoding {
  /** The charset label as the mailer writes it (`UTF-8` or `utf-8`). */
  charset: string;
  /** `_` (Symfony Mime) or `=20` (laminas-mail): both decode to a space. */
  space: '_' | '=20';
}

function qEncodeChar(char: string, encoding: QEncoding): string {
  if (char === ' ') return encoding.space;
  if (Q_SAFE.test(char)) return char;
  return [...Buffer.from(char, 'utf8')].map((byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/**
 * The text as "Q" encoded words, each within 75 characters and holding whole characters
 * only; the first within `firstWordMax` so that it fits the line it starts on.
 */
export function encodedWords(text: string, encoding: QEncoding, firstWordMax = MAX_ENCODED_WORD): string[] {
  const prefix = `=?${encoding.charset}?Q?`;
  const overhead = prefix.length + '?='.length;
  const payloads: string[] = [];
  let current = '';
  for (const char of text) {
    const encoded = qEncodeChar(char, encoding);
    const room = (payloads.length === 0 ? Math.min(firstWordMax, MAX_ENCODED_WORD) : MAX_ENCODED_WORD) - overhead;
    if (current.length + encoded.length > room && current !== '') {
      payloads.push(current);
      current = '';
    }
    current += encoded;
  }
  payloads.push(current);
  return payloads.map((payload) => `${prefix}${payload}?=`);
}

/** Room for the first word of a header value, on the line that starts with `Name: `. */
function firstLineRoom(name: string): number {
  return FOLD_AT - `${name}: `.length;
}

/** `Name: part part…`, folding between parts (CRLF + space) where a line would pass 76 characters. */
export function foldHeader(name: string, parts: readonly string[]): string {
  let out = `${name}:`;
  let lineLength = out.length;
  for (const part of parts) {
    if (lineLength + 1 + part.length > FOLD_AT && lineLength > name.length + 1) {
      out += `\r\n ${part}`;
      lineLength = 1 + part.length;
    } else {
      out += ` ${part}`;
      lineLength += 1 + part.length;
    }
  }
  return out;
}

// RFC 5322 atext plus space: a display name made only of these needs neither quotes nor encoding.
const PLAIN_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The parts of a phrase (display name) or unstructured text (Subject) the way Symfony Mime writes them:
 * plain words as they are; other printable ASCII quoted when it is a phrase; anything
 * else with each run of words that need it turned into encoded words.
 */
function symfonyParts(name: string, text: string, kind: 'phrase' | 'unstructured'): string[] {
  const words = text.split(' ');
  if (kind === 'unstructured' ? PRINTABLE_ASCII.test(text) : PLAIN_PHRASE.test(text)) return words;
  if (kind === 'phrase' && PRINTABLE_ASCII.test(text)) return [`"${text.replace(/[\\"]/g, '\\$&')}"`];
  const plainWord = kind === 'phrase' ? PLAIN_PHRASE : PRINTABLE_ASCII;
  const parts: string[] = [];
  let pending: string[] = [];
  const flush = (): void => {
    const room = parts.length === 0 ? firstLineRoom(name) : MAX_ENCODED_WORD;
    if (pending.length > 0) parts.push(...encodedWords(pending.join(' '), { charset: 'utf-8', space: '_' }, room));
    pending = [];
  };
  for (const word of words) {
    if (plainWord.test(word)) {
      flush();
      parts.push(word);
    } else {
      pending.push(word);
    }
  }
  flush();
  return parts;
}

/** A Symfony Mime header line: `Name: value` with the value written by the rules above, then `trailing`. */
export function symfonyHeader(name: string, text: string, kind: 'phrase' | 'unstructured', trailing: readonly string[] = []): string {
  return foldHeader(name, [...symfonyParts(name, text, kind), ...trailing]);
}

/** A laminas-mail header line: the whole value as encoded words, then `trailing` (an address). */
export function laminasHeader(name: string, text: string, encoding: QEncoding, trailing: readonly string[] = []): string {
  return foldHeader(name, [...encodedWords(text, encoding, firstLineRoom(name)), ...trailing]);
}
