import { expect, test } from '@playwright/test';
import { release } from '../../emulator/model/release.js';
import { passwordLink, phpUrlencode } from '../../emulator/mail/reset-link.js';

// PHP urlencode: `[A-Za-z0-9_.-]` kept, space as `+`, every other UTF-8 byte as upper-case %XX.
const urlencodeCases: [string, string][] = [
  ['fid.a.mwyjruke@example.com', 'fid.a.mwyjruke%40example.com'],
  ['a+tag@example.com', 'a%2Btag%40example.com'],
  ['two words@example.com', 'two+words%40example.com'],
  ['jürgen@exämple.de', 'j%C3%BCrgen%40ex%C3%A4mple.de'],
  ['under_score-dash.dot', 'under_score-dash.dot'],
  ["~*'!()&=/?#%", '%7E%2A%27%21%28%29%26%3D%2F%3F%23%25'],
  ['😀', '%F0%9F%98%80'],
  ['', ''],
];

for (const [input, output] of urlencodeCases) {
  test(`phpUrlencode(${JSON.stringify(input)}) is ${output || '""'}`, () => {
    expect(phpUrlencode(input)).toBe(output);
  });
}

const base = { storeBaseUrl: 'http://127.0.0.1:8089/', customerId: 17, customerEmail: 'a+b c@example.com', token: 'T0k3n' };

test('2.4.7 reset links carry id and token only', () => {
  for (const template of ['email_reset', 'email_reminder'] as const) {
    expect(passwordLink({ ...base, release: release('2.4.7'), template })).toBe(
      'http://127.0.0.1:8089/customer/account/createPassword/?id=17&token=T0k3n',
    );
  }
});

test('2.4.8 reset links put the urlencoded email first (keys sorted)', () => {
  for (const template of ['email_reset', 'email_reminder'] as const) {
    const link = passwordLink({ ...base, release: release('2.4.8'), template });
    expect(link).toBe('http://127.0.0.1:8089/customer/account/createPassword/?email=a%2Bb+c%40example.com&id=17&token=T0k3n');
    // What a reader decodes from it with form rules ('+' is a space) is the stored address.
    expect(new URL(link).searchParams.get('email')).toBe('a+b c@example.com');
  }
});

test('the welcome mail link never carries the email, in either version', () => {
  for (const version of ['2.4.7', '2.4.8'] as const) {
    expect(passwordLink({ ...base, release: release(version), template: 'account_new' })).toBe(
      'http://127.0.0.1:8089/customer/account/createPassword/?id=17&token=T0k3n',
    );
  }
});
