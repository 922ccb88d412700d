import { expect, test } from '@playwright/test';
import { encodedWords, foldHeader, laminasHeader, symfonyHeader } from '../../emulator/mail/header-encoding.js';
import { encodeQuotedPrintable } from '../../emulator/mail/quoted-printable.js';
import { decodeHeaderValue, decodeQuotedPrintable } from './mail-mime-decoder.js';

const samples: Record<string, string> = {
  'equals signs and HTML attributes': '<a href="x?a=1&amp;b=2" class="c">=3D is not a code</a>',
  'unicode, including astral characters': 'Grüße, Zoë — 日本語 😀 ∑',
  'trailing whitespace on lines': 'ends with space \nends with tab\t\n  \n',
  'a line longer than 76 characters': `${'0123456789'.repeat(30)}\n${'é'.repeat(100)}`,
  'dots at line starts': '.\n.hidden\n..two',
  'empty text': '',
  'CRLF and bare CR line ends': 'one\r\ntwo\rthree\n',
};

for (const style of ['hard', 'encoded'] as const) {
  for (const [name, text] of Object.entries(samples)) {
    test(`quoted-printable (${style} line breaks) round-trips ${name}`, () => {
      const encoded = encodeQuotedPrintable(text, style);
      const lines = encoded.split('\r\n');
      for (const line of lines) {
        expect(line.length).toBeLessThanOrEqual(76);
        expect(line).toMatch(/^[\x21-\x7e\x20\t]*$/);
        // RFC 2045: no whitespace may end an encoded line.
        expect(line).not.toMatch(/[ \t]$/);
      }
      expect(encoded).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
      expect(decodeQuotedPrintable(encoded).replace(/\r\n/g, '\n')).toBe(text.replace(/\r\n?/g, '\n'));
    });
  }
}

test('"encoded" style keeps the text on one logical line; "hard" keeps its lines', () => {
  expect(encodeQuotedPrintable('a\nb', 'encoded')).toBe('a=0Ab');
  expect(encodeQuotedPrintable('a\nb', 'hard')).toBe('a\r\nb');
});

test('bytes are escaped as upper-case =XX and "=" is always escaped', () => {
  expect(encodeQuotedPrintable('é=', 'hard')).toBe('=C3=A9=3D');
});

test('a soft break never splits an =XX escape', () => {
  const encoded = encodeQuotedPrintable('x'.repeat(73) + 'ééé', 'hard');
  expect(encoded.split('\r\n').every((line) => /^(?:[^=]|=[0-9A-F]{2})*=?$/.test(line))).toBe(true);
});

test('encoded words stay within 75 characters, keep characters whole and decode back', () => {
  const text = 'Zoë Ångström — 日本語の長い名前 😀 '.repeat(4);
  for (const space of ['_', '=20'] as const) {
    const words = encodedWords(text, { charset: 'utf-8', space });
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      expect(word).toMatch(/^=\?utf-8\?Q\?[A-Za-z0-9!*+\-/=_]*\?=$/);
      // Each word alone is valid UTF-8: no character was cut between two words.
      expect(decodeHeaderValue(word)).not.toContain('\uFFFD');
    }
    expect(decodeHeaderValue(words.join('\r\n '))).toBe(text);
  }
});

test('header lines fold with a leading space and stay within 76 characters, first line included', () => {
  const long = 'Zoë '.repeat(40).trim();
  const folded = [
    laminasHeader('Subject', long, { charset: 'UTF-8', space: '=20' }),
    laminasHeader('To', long, { charset: 'utf-8', space: '=20' }, ['<a@example.com>']),
    symfonyHeader('Subject', long, 'unstructured'),
    symfonyHeader('To', long, 'phrase', ['<a@example.com>']),
    symfonyHeader('Subject', 'plain words '.repeat(12).trim(), 'unstructured'),
  ];
  for (const header of folded) {
    const lines = header.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(76);
    const value = header.slice(header.indexOf(':') + 1).trim();
    expect(decodeHeaderValue(value).replace(/ <a@example.com>$/, '')).toBe(header.includes('plain') ? 'plain words '.repeat(12).trim() : long);
  }
});

test('short values stay on one line', () => {
  expect(foldHeader('To', ['Fid', 'a', '<a@example.com>'])).toBe('To: Fid a <a@example.com>');
  expect(symfonyHeader('Subject', 'Reset your Main Website Store password', 'unstructured')).toBe(
    'Subject: Reset your Main Website Store password',
  );
});
