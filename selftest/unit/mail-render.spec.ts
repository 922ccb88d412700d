import { expect, test } from '@playwright/test';
import { release } from '../../emulator/model/release.js';
import { renderMail, type MailCustomer, type MailTemplate } from '../../emulator/mail/index.js';
import { decodeHeaderValue, decodeQuotedPrintable, headerFields, messageBody } from './mail-mime-decoder.js';

// Expectations copied from the mails recorded from real Magento 2.4.7 / 2.4.8
// (initiate-valid, initiate-email-reminder, create-customer, x-welcome-mail, gql-change-password-success).

const customer: MailCustomer = { id: 2, email: 'fid.a.mwyjruke@example.com', firstname: 'Fid', lastname: 'a' };
const token = 'VzD0qQ38aLGZ9R1NIBm8kXP0KhUYrYbi';
const storeBaseUrl = 'http://127.0.0.1:8089/';
const now = new Date('2026-11-27T05:35:09Z');

const headerOrder = {
  '2.4.7': ['Date', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding', 'Content-Disposition', 'Subject', 'To', 'From'],
  '2.4.8': ['Subject', 'To', 'From', 'Message-ID', 'MIME-Version', 'Date', 'Content-Type', 'Content-Transfer-Encoding', 'Content-Disposition'],
} as const;

const expected: Record<MailTemplate, { subject: string; from: string; sentences: string[] }> = {
  email_reset: {
    subject: 'Reset your Main Website Store password',
    from: 'CustomerSupport <support@example.com>',
    sentences: [
      'There was recently a request to change the password for your account.',
      'If you requested this change, set a new password here:',
      '>Set a New Password</a>',
      'If you did not make this request, you can ignore this email and your password will remain the same.',
    ],
  },
  email_reminder: {
    subject: 'Reset your Main Website Store password',
    from: 'CustomerSupport <support@example.com>',
    sentences: [
      'There was recently a request to change the password for your account.',
      '>Set a New Password</a>',
    ],
  },
  account_new: {
    subject: 'Welcome to Main Website Store',
    from: 'Owner <owner@example.com>',
    sentences: [
      'Welcome to Main Website Store.',
      `>${customer.email}</td>`,
      'Password you set when creating account',
      '>here</a> to reset it.',
      'When you sign in to your account, you will be able to:',
    ],
  },
  password_changed: {
    subject: 'Your Main Website Store password has been changed',
    from: 'CustomerSupport <support@example.com>',
    sentences: [
      'We have received a request to change the following information associated with your account at Main Website Store: password.',
      'please contact us immediately at <a href="mailto:support@example.com"',
    ],
  },
};

/** null: the mail carries no createPassword link. */
const expectedLink: Record<'2.4.7' | '2.4.8', Record<MailTemplate, string | null>> = {
  '2.4.7': {
    email_reset: `${storeBaseUrl}customer/account/createPassword/?id=2&amp;token=${token}`,
    email_reminder: `${storeBaseUrl}customer/account/createPassword/?id=2&amp;token=${token}`,
    account_new: `${storeBaseUrl}customer/account/createPassword/?id=2&amp;token=${token}`,
    password_changed: null,
  },
  '2.4.8': {
    email_reset: `${storeBaseUrl}customer/account/createPassword/?email=fid.a.mwyjruke%40example.com&amp;id=2&amp;token=${token}`,
    email_reminder: `${storeBaseUrl}customer/account/createPassword/?email=fid.a.mwyjruke%40example.com&amp;id=2&amp;token=${token}`,
    account_new: `${storeBaseUrl}customer/account/createPassword/?id=2&amp;token=${token}`,
    password_changed: null,
  },
};

function header(raw: string, name: string): string {
  const field = headerFields(raw).find((candidate) => candidate.name === name);
  if (field === undefined) throw new Error(`no ${name} header`);
  return field.value;
}

for (const version of ['2.4.7', '2.4.8'] as const) {
  for (const template of ['email_reset', 'email_reminder', 'account_new', 'password_changed'] as const) {
    test(`${version} ${template}: headers, one quoted-printable HTML part, texts and link`, () => {
      const mail = renderMail(template, { release: release(version), customer, token, storeBaseUrl, now });
      const want = expected[template];

      expect(mail.to).toBe(customer.email);
      expect(mail.subject).toBe(want.subject);
      expect(headerFields(mail.raw).map((field) => field.name)).toEqual(headerOrder[version]);
      expect(decodeHeaderValue(header(mail.raw, 'Subject'))).toBe(want.subject);
      expect(decodeHeaderValue(header(mail.raw, 'From'))).toBe(want.from);
      expect(decodeHeaderValue(header(mail.raw, 'To'))).toBe(`Fid a <${customer.email}>`);
      expect(header(mail.raw, 'Date')).toBe('Fri, 27 Nov 2026 05:35:09 +0000');
      expect(header(mail.raw, 'MIME-Version')).toBe('1.0');
      expect(header(mail.raw, 'Content-Type').replace(/\s+/g, ' ')).toMatch(/^text\/html; charset="?utf-8"?$/);
      expect(header(mail.raw, 'Content-Transfer-Encoding')).toBe('quoted-printable');
      expect(header(mail.raw, 'Content-Disposition')).toBe('inline');
      expect(mail.raw).not.toMatch(/multipart|boundary=/i);
      expect(mail.raw.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);

      const body = messageBody(mail.raw);
      expect(body.split('\r\n').every((line) => line.length <= 76 && /^[\x20-\x7e]*$/.test(line))).toBe(true);
      expect(decodeQuotedPrintable(body).replace(/\r\n/g, '\n')).toBe(mail.html);

      expect(mail.html).toContain('<p class="greeting"');
      expect(mail.html).toContain('>Fid a,</p>');
      for (const sentence of want.sentences) expect(mail.html).toContain(sentence);
      const link = expectedLink[version][template];
      if (link === null) expect(mail.html).not.toContain('createPassword');
      else expect(mail.html).toContain(`href="${link}"`);
      expect(mail.html).toContain(`href="${storeBaseUrl}"`);
    });
  }
}

test('2.4.7 writes display names and Subject as encoded words, 2.4.8 writes them plain', () => {
  const old = renderMail('email_reset', { release: release('2.4.7'), customer, token, storeBaseUrl, now }).raw;
  const current = renderMail('email_reset', { release: release('2.4.8'), customer, token, storeBaseUrl, now }).raw;
  expect(header(old, 'Subject')).toBe('=?UTF-8?Q?Reset=20your=20Main=20Website=20Store=20password?=');
  expect(header(old, 'To')).toBe(`=?utf-8?Q?Fid=20a?= <${customer.email}>`);
  expect(header(old, 'From')).toBe('=?utf-8?Q?CustomerSupport?= <support@example.com>');
  expect(header(current, 'To')).toBe(`Fid a <${customer.email}>`);
  expect(header(current, 'From')).toBe('CustomerSupport <support@example.com>');
});

test('2.4.8 gives each mail its own Message-ID at the sender domain; 2.4.7 sends none', () => {
  const render = (): string => renderMail('email_reset', { release: release('2.4.8'), customer, token, storeBaseUrl, now }).raw;
  const first = header(render(), 'Message-ID');
  expect(first).toMatch(/^<[0-9a-f]{32}@example\.com>$/);
  expect(header(render(), 'Message-ID')).not.toBe(first);
  const welcome = renderMail('account_new', { release: release('2.4.8'), customer, token, storeBaseUrl, now }).raw;
  expect(header(welcome, 'Message-ID')).toMatch(/^<[0-9a-f]{32}@example\.com>$/);
  const old = renderMail('email_reset', { release: release('2.4.7'), customer, token, storeBaseUrl, now }).raw;
  expect(headerFields(old).some((field) => /^message-id$/i.test(field.name))).toBe(false);
});

test('2.4.7 encodes the body line breaks as =0A, 2.4.8 keeps them as CRLF', () => {
  const old = messageBody(renderMail('email_reset', { release: release('2.4.7'), customer, token, storeBaseUrl, now }).raw);
  const current = messageBody(renderMail('email_reset', { release: release('2.4.8'), customer, token, storeBaseUrl, now }).raw);
  expect(old).toContain('=0A');
  expect(old.split('\r\n').every((line, index, lines) => index === lines.length - 1 || line.endsWith('='))).toBe(true);
  expect(current).not.toContain('=0A');
  expect(current).toContain('\r\n<html xmlns=3D"http://www.w3.org/1999/xhtml">\r\n');
});

test('names are HTML-escaped in the body and survive RFC 2047 in the To header', () => {
  const tricky: MailCustomer = { ...customer, firstname: 'Zoë <b>"Ann"</b>', lastname: "O'Brien, Jr — 日本語の長い名前をここに書きます" };
  const fullName = `${tricky.firstname} ${tricky.lastname}`;
  for (const version of ['2.4.7', '2.4.8'] as const) {
    const mail = renderMail('email_reset', { release: release(version), customer: tricky, token, storeBaseUrl, now });
    expect(mail.html).toContain('>Zoë &lt;b&gt;&quot;Ann&quot;&lt;/b&gt; O&#039;Brien, Jr — 日本語の長い名前をここに書きます,</p>');
    expect(decodeHeaderValue(header(mail.raw, 'To'))).toBe(`${fullName} <${customer.email}>`);
    const headerBlock = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
    expect(headerBlock.split('\r\n').every((line) => line.length <= 76 && /^[\x20-\x7e]*$/.test(line))).toBe(true);
    for (const word of headerBlock.match(/=\?[^?]+\?Q\?[^?]*\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);
  }
});

test('2.4.8 quotes a display name with specials and leaves plain ones bare', () => {
  const comma: MailCustomer = { ...customer, firstname: 'Ann', lastname: 'Lee, "Jr"' };
  const raw = renderMail('email_reset', { release: release('2.4.8'), customer: comma, token, storeBaseUrl, now }).raw;
  expect(header(raw, 'To')).toBe(`"Ann Lee, \\"Jr\\"" <${customer.email}>`);
});

test('the store base URL is substituted everywhere, the link included', () => {
  const base = 'https://shop.example.test/de/';
  const mail = renderMail('account_new', { release: release('2.4.8'), customer, token, storeBaseUrl: base, now });
  expect(mail.html).toContain(`href="${base}customer/account/"`);
  expect(mail.html).toContain(`href="${base}customer/account/createPassword/?id=2&amp;token=${token}"`);
  expect(mail.html).not.toContain('127.0.0.1');
});

test('a name with CR/LF cannot add header lines', () => {
  const injecting: MailCustomer = { ...customer, firstname: 'Eve\r\nBcc: victim@example.com', lastname: 'x' };
  for (const version of ['2.4.7', '2.4.8'] as const) {
    const raw = renderMail('email_reset', { release: release(version), customer: injecting, token, storeBaseUrl, now }).raw;
    expect(headerFields(raw).map((field) => field.name)).toEqual(headerOrder[version]);
    expect(decodeHeaderValue(header(raw, 'To'))).toBe(`Eve\r\nBcc: victim@example.com x <${customer.email}>`);
  }
});

test('with system/smtp/set_return_path on, the sender also goes out as Sender: bare on laminas, named on 2.4.8-p1', () => {
  const sender = (name: string): string | undefined =>
    headerFields(renderMail('email_reset', { release: release(name), customer, token, storeBaseUrl, now, returnPath: true }).raw).find(
      (field) => field.name === 'Sender',
    )?.value;
  expect(sender('2.4.7-p6')).toBe('<support@example.com>');
  expect(sender('2.4.8-p1')).toBe('CustomerSupport <support@example.com>');
  expect(headerFields(renderMail('email_reset', { release: release('2.4.8-p1'), customer, token, storeBaseUrl, now }).raw).map((f) => f.name)).not.toContain('Sender');
});
