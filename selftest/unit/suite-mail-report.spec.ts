import { expect, test } from '@playwright/test';
import { attachMailPicture, MAIL_PNG_HINT, mailPngWanted } from '../../fixtures/mail-report.js';

interface Attached {
  readonly name: string;
  readonly body: unknown;
  readonly contentType: string | undefined;
}

/** Runs attachMailPicture with a fake renderer and test info; returns what it attached and rendered. */
async function report(env: Record<string, string | undefined>, rendering: Buffer | { skipped: string } = Buffer.from('png')) {
  const attached: Attached[] = [];
  const rendered: string[] = [];
  await attachMailPicture('<a href="http://s/customer/account/createPassword/?id=2&amp;token=SECRET123">reset</a>', {
    env,
    render: (html) => {
      rendered.push(html);
      return Promise.resolve(rendering);
    },
    testInfo: {
      attach: (name, options = {}) => {
        attached.push({ name, body: options.body, contentType: options.contentType });
        return Promise.resolve();
      },
    },
  });
  return { attached, rendered };
}

test.describe('mail report', () => {
  test('a PNG is wanted on CI or with MAIL_PNG=1, not otherwise', () => {
    expect(mailPngWanted({ CI: 'true' })).toBe(true);
    expect(mailPngWanted({ CI: '1', MAIL_PNG: '0' })).toBe(true);
    expect(mailPngWanted({ MAIL_PNG: '1' })).toBe(true);
    expect(mailPngWanted({})).toBe(false);
    expect(mailPngWanted({ CI: '', MAIL_PNG: '0' })).toBe(false);
  });

  test('without reports: no rendering, a one-line note saying how to get the PNG', async () => {
    const { attached, rendered } = await report({});
    expect(rendered).toStrictEqual([]);
    expect(attached).toStrictEqual([{ name: 'reset-mail-png.txt', body: MAIL_PNG_HINT, contentType: 'text/plain' }]);
    expect(MAIL_PNG_HINT).toContain('set MAIL_PNG=1');
    expect(MAIL_PNG_HINT).not.toContain('\n');
  });

  test('with MAIL_PNG=1: the redacted mail is rendered and attached as a PNG', async () => {
    const { attached, rendered } = await report({ MAIL_PNG: '1' });
    expect(rendered).toHaveLength(1);
    expect(rendered[0]).not.toContain('SECRET123');
    expect(attached).toStrictEqual([{ name: 'reset-mail.png', body: Buffer.from('png'), contentType: 'image/png' }]);
  });

  test('on CI without Chromium: the reason it was not rendered is attached', async () => {
    const { attached } = await report({ CI: 'true' }, { skipped: 'no Chromium at /usr/bin/chromium' });
    expect(attached).toStrictEqual([{ name: 'reset-mail-not-rendered.txt', body: 'no Chromium at /usr/bin/chromium', contentType: 'text/plain' }]);
  });
});
