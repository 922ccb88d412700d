// The GraphQL front where the recordings are silent, as Magento's 2.4.7 / 2.4.8 code reads
// (GraphQl/Controller/GraphQl.php, CustomerGraphQl's AuthorizationRequestValidator and ChangePassword,
// JwtUserToken's revocation). The recorded behaviour is the conformance replay's.
import { expect, test } from '@playwright/test';
import { startEmulator } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';

type Answer = { status: number; body: string };

async function post(emulator: RunningEmulator, path: string, body: unknown, bearer?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch(`${emulator.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: await response.text() };
}

const graphql = (emulator: RunningEmulator, query: string, bearer?: string): Promise<Answer> => post(emulator, '/graphql', { query }, bearer);

async function control(emulator: RunningEmulator, method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.text()).toBe(200);
}

/** A customer with `Initial-Pass-123`, and a GraphQL token for it. */
async function customerWithToken(emulator: RunningEmulator, email: string): Promise<{ id: number; token: string }> {
  const admin = JSON.parse((await post(emulator, '/rest/V1/integration/admin/token', { username: 'exampleuser', password: 'examplepassword123' })).body) as string;
  const customer = { email, firstname: 'Fid', lastname: 'g', website_id: 1 };
  const created = await post(emulator, '/rest/V1/customers', { customer, password: 'Initial-Pass-123' }, admin);
  const { id } = JSON.parse(created.body) as { id: number };
  const answer = await graphql(emulator, `mutation{generateCustomerToken(email:"${email}",password:"Initial-Pass-123"){token}}`);
  const token = (JSON.parse(answer.body) as { data: { generateCustomerToken: { token: string } } }).data.generateCustomerToken.token;
  return { id, token };
}

for (const version of ['2.4.7', '2.4.8'] as const) {
  test.describe(`GraphQL on ${version}`, () => {
    let emulator: RunningEmulator;
    test.beforeEach(async () => {
      emulator = await startEmulator({ version, port: 0, mail: { kind: 'capture' } });
    });
    test.afterEach(() => emulator.close());

    test('a syntax error: webonyx wording, 400 on 2.4.8 and 500 on 2.4.7', async () => {
      const answer = await graphql(emulator, '{customer{email');
      expect(answer.status).toBe(version === '2.4.8' ? 400 : 500);
      expect(answer.body).toBe('{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>","locations":[{"line":1,"column":16}]}]}');
    });

    test('GET answers a query and refuses a mutation', async () => {
      const query = (text: string) => fetch(`${emulator.url}/graphql?query=${encodeURIComponent(text)}`);
      const read = await query('{storeConfig{store_code}}');
      expect([read.status, await read.text()]).toEqual([200, '{"data":{"storeConfig":{"store_code":"default"}}}']);
      const write = await query('mutation{revokeCustomerToken{result}}');
      expect(write.status).toBe(version === '2.4.8' ? 400 : 500);
      expect(await write.text()).toContain('"message":"Mutation requests allowed only for POST requests"');
    });

    test('a token revoked over GraphQL is a guest on REST too', async () => {
      const { token } = await customerWithToken(emulator, `revoke.${version}@example.com`);
      expect((await graphql(emulator, 'mutation{revokeCustomerToken{result}}', token)).body).toBe('{"data":{"revokeCustomerToken":{"result":true}}}');
      const me = await fetch(`${emulator.url}/rest/V1/customers/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(401);
    });

    test('an expired bearer: 401 "Consumer key has expired" on 2.4.8, a guest on 2.4.7', async () => {
      await control(emulator, 'PUT', '/config', { path: 'webapi/jwtauth/customer_expiration', value: '0' });
      const { token } = await customerWithToken(emulator, `expired.${version}@example.com`);
      const answer = await graphql(emulator, '{storeConfig{store_code}}', token);
      expect(answer).toEqual(
        version === '2.4.8'
          ? { status: 401, body: '{"errors":[{"message":"Consumer key has expired","extensions":{"category":"graphql-authentication"}}]}' }
          : { status: 200, body: '{"data":{"storeConfig":{"store_code":"default"}}}' },
      );
    });

    test('changeCustomerPassword on a locked account: refused, yet the password is changed', async () => {
      const email = `locked.${version}@example.com`;
      const { id, token } = await customerWithToken(emulator, email);
      await control(emulator, 'POST', `/customers/${id}/lock`, { failures: 10, lockExpiresInSeconds: 600 });
      const change = await graphql(emulator, 'mutation{changeCustomerPassword(currentPassword:"Initial-Pass-123",newPassword:"Changed-Pass-456"){email}}', token);
      expect(change.body).toContain('"message":"The account is locked."');
      expect(emulator.sentMail.filter((mail) => mail.subject.endsWith('password has been changed'))).toHaveLength(0);
      await control(emulator, 'POST', `/customers/${id}/lock`, { failures: 0, lockExpiresInSeconds: null });
      const signIn = await graphql(emulator, `mutation{generateCustomerToken(email:"${email}",password:"Changed-Pass-456"){token}}`);
      expect(signIn.body).toMatch(/^\{"data":\{"generateCustomerToken":\{"token":"eyJ/);
    });

    test('a POST that is not JSON: "Request content type must be application/json"', async () => {
      const response = await fetch(`${emulator.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{storeConfig{store_code}}"}' });
      expect(response.status).toBe(version === '2.4.8' ? 400 : 500);
      // Magento's json_encode escapes `/`.
      expect(await response.text()).toBe('{"errors":[{"message":"Request content type must be application\\/json","extensions":{"category":"graphql-input"}}]}');
    });
  });
}
