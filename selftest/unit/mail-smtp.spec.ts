import { expect, test } from '@playwright/test';
import { release } from '../../emulator/model/release.js';
import { MailpitClient, type MailpitMessageSummaryResponse } from 'mailpit-api';
import { captureMailer, renderMail, smtpMailer, type MailCustomer } from '../../emulator/mail/index.js';
import { sendSmtp } from '../../emulator/mail/smtp-client.js';
import { freePort, startMailpit, type RunningMailpit } from '../../scripts/mailpit.js';
import { startScriptedSmtpServer } from './mail-scripted-smtp-server.js';

// Real SMTP into a real Mailpit, read back through its API; failures against a scripted server.
test.describe.configure({ mode: 'default' });

let mailpit: RunningMailpit | undefined;
let mailbox: MailpitClient;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000); // first run may have to install Mailpit
  mailpit = await startMailpit({ httpPort: 0, smtpPort: 0 });
  mailbox = new MailpitClient(mailpit.url);
});

test.afterAll(async () => {
  await mailpit?.stop();
});

function smtpPort(): number {
  if (mailpit === undefined) throw new Error('Mailpit is not running');
  return mailpit.smtpPort;
}

function uniqueCustomer(label: string): MailCustomer {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return { id: 42, email: `${label}.${tag}@example.com`, firstname: 'Fid', lastname: label };
}

async function receivedFor(address: string): Promise<MailpitMessageSummaryResponse> {
  return mailbox.waitForMessage({ query: `to:"${address}"` }, { timeout: 5000, interval: 50 });
}

const token = 'ngaPMTYSeKhVXb4aQjB7VgjCreuei86E';
const now = new Date('2026-11-27T05:35:09Z');
const storeBaseUrl = 'http://127.0.0.1:8089/';

for (const version of ['2.4.7', '2.4.8'] as const) {
  test(`${version} reset mail arrives in Mailpit with Magento's headers and one HTML part`, async () => {
    const customer = uniqueCustomer(`reset${version.replace(/\./g, '')}`);
    const mail = renderMail('email_reset', { release: release(version), customer, token, storeBaseUrl, now });
    await smtpMailer('127.0.0.1', smtpPort()).send(mail);

    const received = await receivedFor(customer.email);
    expect(received.Subject).toBe('Reset your Main Website Store password');
    expect(received.From).toEqual({ Name: 'CustomerSupport', Address: 'support@example.com' });
    expect(received.To).toEqual([{ Name: `Fid ${customer.lastname}`, Address: customer.email }]);
    expect(received.Attachments).toEqual([]);
    expect(received.Inline).toEqual([]);
    // Mailpit keeps the CRLF that ends the DATA block.
    expect(received.HTML.replace(/\r\n/g, '\n').trimEnd()).toBe(mail.html);
    const link = /href="([^"]*createPassword[^"]*)"/.exec(received.HTML)?.[1]?.replace(/&amp;/g, '&');
    const params = new URL(link ?? 'about:blank').searchParams;
    expect(params.get('id')).toBe('42');
    expect(params.get('token')).toBe(token);
    expect(params.get('email')).toBe(version === '2.4.8' ? customer.email : null);

    const headers = await mailbox.getMessageHeaders(received.ID);
    expect(headers['Content-Type']?.[0]).toMatch(/^text\/html;\s*charset="?utf-8"?$/);
    expect(headers['Content-Transfer-Encoding']).toEqual(['quoted-printable']);
    expect(headers['Content-Disposition']).toEqual(['inline']);
    expect(headers['Mime-Version'] ?? headers['MIME-Version']).toEqual(['1.0']);
    expect(new Date(received.Date).getTime()).toBe(now.getTime());
    if (version === '2.4.8') expect(`<${received.MessageID}>`).toBe(/^Message-ID: (.*)$/m.exec(mail.raw)?.[1]?.trim());

    const source = (await mailbox.getMessageSource(received.ID)).replace(/\r\n/g, '\n');
    // What Mailpit stored is the message as sent, after any trace headers it adds.
    expect(source.trimEnd().endsWith(mail.raw.replace(/\r\n/g, '\n'))).toBe(true);
  });
}

test('the welcome mail arrives from Owner with a link without email', async () => {
  const customer = uniqueCustomer('welcome');
  const mail = renderMail('account_new', { release: release('2.4.8'), customer, token, storeBaseUrl, now });
  await smtpMailer('127.0.0.1', smtpPort()).send(mail);
  const received = await receivedFor(customer.email);
  expect(received.Subject).toBe('Welcome to Main Website Store');
  expect(received.From).toEqual({ Name: 'Owner', Address: 'owner@example.com' });
  expect(received.HTML).toContain(`customer/account/createPassword/?id=42&amp;token=${token}"`);
});

test('a unicode display name survives the trip', async () => {
  const customer = { ...uniqueCustomer('unicode'), firstname: 'Zoë', lastname: 'Ångström-日本' };
  for (const version of ['2.4.7', '2.4.8'] as const) {
    await smtpMailer('127.0.0.1', smtpPort()).send(renderMail('email_reminder', { release: release(version), customer, token, storeBaseUrl, now }));
  }
  const both = await mailbox.waitForMessages({ query: `to:"${customer.email}"`, count: 2 }, { timeout: 5000, interval: 50 });
  for (const message of both.messages) expect(message.To).toEqual([{ Name: 'Zoë Ångström-日本', Address: customer.email }]);
});

test('lines starting with a dot are dot-stuffed and arrive intact', async () => {
  const address = uniqueCustomer('dots').email;
  const data = `From: a <a@example.com>\r\nTo: ${address}\r\nSubject: dots\r\n\r\n.\r\n.hidden\r\n..two\r\nend`;
  await sendSmtp({ host: '127.0.0.1', port: smtpPort(), from: 'a@example.com', to: address, data });
  const received = await receivedFor(address);
  const source = await mailbox.getMessageSource(received.ID);
  expect(source.replace(/\r\n/g, '\n')).toContain('\n\n.\n.hidden\n..two\nend');
});

test('a closed port rejects with one line naming host:port', async () => {
  const port = await freePort();
  const mail = renderMail('email_reset', { release: release('2.4.8'), customer: uniqueCustomer('closed'), token, storeBaseUrl, now });
  const failure = smtpMailer('127.0.0.1', port).send(mail);
  await expect(failure).rejects.toThrow(new RegExp(`^SMTP 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED[^\\n]*$`));
});

const refusals = [
  { step: 'greeting', reply: '421 4.3.2 shutting down', message: /greeting answered 421 4\.3\.2 shutting down/ },
  { step: 'EHLO', reply: '421 4.7.0 try later', message: /EHLO answered 421/ },
  { step: 'MAIL', reply: '451 4.3.0 local error', message: /MAIL FROM answered 451/ },
  { step: 'RCPT', reply: '550 5.1.1 no such user', message: /RCPT TO answered 550 5\.1\.1 no such user/ },
  { step: 'DATA', reply: '554 5.5.1 no valid recipients', message: /DATA answered 554/ },
  { step: 'END', reply: '552 5.3.4 message too big', message: /end of data answered 552/ },
] as const;

for (const refusal of refusals) {
  test(`a ${refusal.reply.slice(0, 3)} at ${refusal.step} rejects the send`, async () => {
    const server = await startScriptedSmtpServer({ [refusal.step]: refusal.reply });
    try {
      const mail = renderMail('email_reset', { release: release('2.4.7'), customer: uniqueCustomer('refused'), token, storeBaseUrl, now });
      await expect(smtpMailer('127.0.0.1', server.port).send(mail)).rejects.toThrow(
        new RegExp(`^SMTP 127\\.0\\.0\\.1:${server.port}: ${refusal.message.source}`),
      );
    } finally {
      await server.close();
    }
  });
}

test('a server without EHLO gets HELO, and the envelope is the From and To addresses', async () => {
  const server = await startScriptedSmtpServer({ EHLO: '502 5.5.2 command not recognized' });
  try {
    const customer = uniqueCustomer('helo');
    await smtpMailer('127.0.0.1', server.port).send(
      renderMail('account_new', { release: release('2.4.7'), customer, token, storeBaseUrl, now }),
    );
    expect(server.commands).toEqual([
      'EHLO localhost',
      'HELO localhost',
      'MAIL FROM:<owner@example.com>',
      `RCPT TO:<${customer.email}>`,
      'DATA',
      'QUIT',
    ]);
  } finally {
    await server.close();
  }
});

test('an envelope address with CR/LF is refused before it reaches the server', async () => {
  const server = await startScriptedSmtpServer();
  try {
    const to = 'a@example.com>\r\nRCPT TO:<b@example.com';
    const send = sendSmtp({ host: '127.0.0.1', port: server.port, from: 'a@example.com', to, data: 'x' });
    await expect(send).rejects.toThrow(/^SMTP 127\.0\.0\.1:\d+: refusing envelope address/);
    expect(server.commands).toEqual(['EHLO localhost']);
  } finally {
    await server.close();
  }
});

test('a server that never answers is given up on within the bound', async () => {
  const server = await startScriptedSmtpServer({ greeting: null });
  try {
    const send = sendSmtp({ host: '127.0.0.1', port: server.port, from: 'a@example.com', to: 'b@example.com', data: 'x', timeoutMs: 300 });
    // the client's own bound fires (its message says so); the test's timeout bounds the rest
    await expect(send).rejects.toThrow(`SMTP 127.0.0.1:${server.port}: no answer within 300 ms`);
  } finally {
    await server.close();
  }
});

test('the capture mailer keeps mails in order without sending them', async () => {
  const mailer = captureMailer();
  const first = renderMail('email_reset', { release: release('2.4.8'), customer: uniqueCustomer('one'), token, storeBaseUrl, now });
  const second = renderMail('account_new', { release: release('2.4.7'), customer: uniqueCustomer('two'), token, storeBaseUrl, now });
  await mailer.send(first);
  await mailer.send(second);
  expect(mailer.sent).toEqual([first, second]);
});
