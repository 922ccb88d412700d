import { expect, test } from '@playwright/test';
import { redact } from '../../fixtures/redact.js';

const JWT = 'eyJraWQiOiIxIiwiYWxnIjoiSFMyNTYifQ.eyJ1aWQiOjIsInV0eXBpZCI6M30.ZQLpOgP7W5_O7yjpZM4bu26QeVy2hQr148WSTlKbXF8';

test.describe('redaction', () => {
  test('masks password and token fields in JSON bodies, camelCase and snake_case', () => {
    const body = '{"email":"a@example.com","resetToken":"abc","newPassword":"S3cret-\\"x","password":"p","new_password":"q","reset_token":"r"}';
    expect(redact(body)).toBe(
      '{"email":"a@example.com","resetToken":"[REDACTED]","newPassword":"[REDACTED]","password":"[REDACTED]","new_password":"[REDACTED]","reset_token":"[REDACTED]"}',
    );
  });

  test('masks the secrets among GraphQL variables, named as the arguments are', () => {
    const body = '{"query":"mutation …","variables":{"email":"a@example.com","resetPasswordToken":"t","newPassword":"n","currentPassword":"c"}}';
    expect(redact(body)).toBe(
      '{"query":"mutation …","variables":{"email":"a@example.com","resetPasswordToken":"[REDACTED]","newPassword":"[REDACTED]","currentPassword":"[REDACTED]"}}',
    );
  });

  test('masks JWTs in bodies and bearer headers', () => {
    expect(redact(`"${JWT}"`)).toBe('"[REDACTED]"');
    expect(redact('Authorization: Bearer opaque-admin-token')).toBe('Authorization: Bearer [REDACTED]');
  });

  test('masks reset tokens in validate paths and in links, raw or HTML-escaped', () => {
    expect(redact('GET http://s/rest/default/V1/customers/2/password/resetLinkToken/n1vQmDvzGawEtXye17yhBBQINDD8v1jU')).toBe(
      'GET http://s/rest/default/V1/customers/2/password/resetLinkToken/[REDACTED]',
    );
    expect(redact('<a href="http://s/customer/account/createPassword/?id=2&amp;token=VzD0qQ38">')).toBe(
      '<a href="http://s/customer/account/createPassword/?id=2&amp;token=[REDACTED]">',
    );
    expect(redact('?email=a%40b.c&id=2&token=VzD0qQ38 next')).toBe('?email=a%40b.c&id=2&token=[REDACTED] next');
  });

  test('masks literal secrets such as the admin credentials wherever they appear', () => {
    expect(redact('user exampleuser with examplepassword123', ['exampleuser', 'examplepassword123', ''])).toBe(
      'user [REDACTED] with [REDACTED]',
    );
  });

  test('leaves messages, emails and ids alone', () => {
    const error = '{"message":"No such entity with %fieldName = %fieldValue","parameters":{"fieldName":"customerId","fieldValue":3}}';
    expect(redact(error)).toBe(error);
  });
});

test('the storefront failure redirect createPassword/token/<token>/ is redacted', () => {
  expect(redact('/customer/account/createPassword/token/gS52oYk52TSOvJ4YJlwi5gdfJifqFU0v/')).toBe(
    '/customer/account/createPassword/token/[REDACTED]/',
  );
});
