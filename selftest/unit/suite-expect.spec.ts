import { test } from '@playwright/test';
import { expect, secretFree, strictlyEqual } from '../../fixtures/expect.js';
import { knownRelease } from '../../fixtures/release.js';
import { magentoErrors } from '../../fixtures/magento/messages.js';
import { graphqlErrors } from '../../fixtures/magento-graphql/messages.js';
import { GraphqlAnswers } from '../../fixtures/magento-graphql/result.js';
import { accepted, refused } from '../../fixtures/magento/result.js';

const JWT = 'eyJraWQiOiIxIiwiYWxnIjoiSFMyNTYifQ.eyJ1aWQiOjIsInV0eXBpZCI6M30.ZQLpOgP7W5_O7yjpZM4bu26QeVy2hQr148WSTlKbXF8';
/** A token in a form `redact` has no pattern for: only the result-shaped masking hides it. */
const OPAQUE = 'opaque0token0that0is0no0jwt0at0all';
const signInFailed = refused(401, magentoErrors.signInFailed);

/** The message `toEqualResult` fails with (the assertion is expected to fail). */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('the assertion passed');
}

test.describe('toEqualResult', () => {
  test('passes for equal results, including .not for different ones', () => {
    expect(refused(401, magentoErrors.signInFailed)).toEqualResult(signInFailed);
    expect(accepted(true)).toEqualResult(accepted(true));
    expect(accepted(JWT)).not.toEqualResult(signInFailed);
  });

  test('is as strict as toStrictEqual: undefined-valued keys, array lengths, classes, types', () => {
    expect(strictlyEqual({ ok: false, status: 400, body: { message: 'm' } }, { ok: false, status: 400, body: { message: 'm', parameters: undefined } })).toBe(false);
    expect(strictlyEqual({ a: undefined }, {})).toBe(false);
    expect(strictlyEqual([1, 2], [1, 2, 3])).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(strictlyEqual([1, , 3], [1, undefined, 3])).toBe(false);
    expect(strictlyEqual({ status: '200' }, { status: 200 })).toBe(false);
    expect(strictlyEqual(new (class Result { ok = true })(), { ok: true })).toBe(false);
    expect(strictlyEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(strictlyEqual({ errors: [{ message: 'm', parameters: { fieldName: 'email' } }] }, { errors: [{ message: 'm', parameters: { fieldName: 'email' } }] })).toBe(true);
    expect(strictlyEqual({ id: 7 }, { id: expect.any(Number) })).toBe(true);
  });

  test('a sign-in that succeeds where a refusal was expected fails without showing the token', () => {
    for (const token of [JWT, OPAQUE]) {
      const message = failureOf(() => expect(accepted(token)).toEqualResult(signInFailed));
      expect(message).toContain('toEqualResult');
      expect(message).toContain('"ok": true');
      expect(message).toContain(`[REDACTED: ${token.length} characters`);
      expect(message).not.toContain(token);
      expect(message).not.toContain(token.split('.')[2] ?? token);
    }
  });

  test('a .not failure and strings elsewhere in a result are redacted too', () => {
    expect(failureOf(() => expect(accepted(JWT)).not.toEqualResult(accepted(JWT)))).not.toContain(JWT);
    expect(secretFree({ ok: false, status: 400, body: { message: `Bearer ${OPAQUE}` } })).toStrictEqual({
      ok: false,
      status: 400,
      body: { message: expect.stringMatching(/^Bearer \[REDACTED\] \(sha256 [0-9a-f]{8}…\)$/) },
    });
  });

  test('two different tokens still show as different', () => {
    expect(secretFree(accepted(JWT))).not.toStrictEqual(secretFree(accepted(`${JWT}x`)));
  });

  test('leaves error bodies as they are, so refusals diff in full', () => {
    const error = refused(404, magentoErrors.noSuchEmail('nobody@example.com', 1));
    expect(secretFree(error)).toStrictEqual(error);
  });

  test('a GraphQL sign-in that succeeds where a refusal was expected fails without showing the token', () => {
    const answers = new GraphqlAnswers(knownRelease('2.4.8'));
    const message = failureOf(() =>
      expect(answers.answered('generateCustomerToken', { token: JWT })).toEqualResult(answers.refused('generateCustomerToken', graphqlErrors.signInFailed)),
    );
    expect(message).not.toContain(JWT);
    expect(message).toContain('The account sign-in was incorrect');
  });
});
