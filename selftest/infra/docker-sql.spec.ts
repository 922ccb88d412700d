// The Docker backdoor's commands, checked without Docker: a recording runner stands in for execFile.
import { resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import type { Backdoor } from '../../fixtures/backdoor/backdoor.js';
import { createDockerSqlBackdoor, parseStackConfig } from '../../fixtures/backdoor/docker-sql.js';

const composeFile = resolve('docker/compose.yaml');
const exec = ['docker', 'compose', '-f', composeFile, 'exec', '-T', 'magento'];

/** A backdoor whose commands are recorded; every command "prints" `output`. */
function recorded(output = 'found\n1\n') {
  const calls: string[][] = [];
  const backdoor = createDockerSqlBackdoor('docker/compose.yaml', (argv) => {
    calls.push([...argv]);
    return Promise.resolve(output);
  });
  return { backdoor, calls };
}

test('ageResetToken moves rp_token_created_at back by the given seconds, for that customer only', async () => {
  const { backdoor, calls } = recorded();
  await backdoor.ageResetToken(42, 10800);
  expect(calls).toEqual([
    [
      ...exec,
      'magerun2',
      'db:query',
      'UPDATE customer_entity SET rp_token_created_at = DATE_SUB(UTC_TIMESTAMP(), INTERVAL 10800 SECOND) WHERE entity_id = 42; ' +
        'SELECT COUNT(*) AS found FROM customer_entity WHERE entity_id = 42;',
    ],
  ]);
});

test('a negative age puts the token in the future', async () => {
  const { backdoor, calls } = recorded();
  await backdoor.ageResetToken(7, -60);
  expect(calls[0]?.at(-1)).toContain('INTERVAL -60 SECOND');
});

test('lockAccount sets the failure count and a lock that ends in the given seconds', async () => {
  const { backdoor, calls } = recorded();
  await backdoor.lockAccount(5, 10, 600);
  expect(calls[0]?.at(-1)).toBe(
    'UPDATE customer_entity SET failures_num = 10, first_failure = UTC_TIMESTAMP(), ' +
      'lock_expires = DATE_ADD(UTC_TIMESTAMP(), INTERVAL 600 SECOND) WHERE entity_id = 5; ' +
      'SELECT COUNT(*) AS found FROM customer_entity WHERE entity_id = 5;',
  );
});

test('an unknown customer id is an error, not a silent no-op', async () => {
  const { backdoor } = recorded('found\n0\n');
  await expect(backdoor.ageResetToken(999, 1)).rejects.toThrow('no customer with id 999');
});

const configSql = (statement: string): string[] => [...exec, 'magerun2', 'db:query', statement];
const cleanConfigCache = [...exec, 'php', 'bin/magento', 'cache:clean', 'config'];

test('applyConfig writes every path in one SQL statement, then cleans the config cache once', async () => {
  const { backdoor, calls } = recorded();
  await backdoor.applyConfig({
    'customer/password/password_reset_protection_type': '1',
    'customer/password/max_number_password_reset_requests': '2',
    'customer/password/min_time_between_password_reset_requests': '0',
  });
  expect(calls).toEqual([
    configSql(
      'INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ' +
        "('default', 0, 'customer/password/password_reset_protection_type', '1'), " +
        "('default', 0, 'customer/password/max_number_password_reset_requests', '2'), " +
        "('default', 0, 'customer/password/min_time_between_password_reset_requests', '0') " +
        'ON DUPLICATE KEY UPDATE value = VALUES(value);',
    ),
    cleanConfigCache,
  ]);
});

test('an encrypted path (a reCAPTCHA key) goes through bin/magento config:set, which encrypts it; its restore is a row delete', async () => {
  const { backdoor, calls } = recorded();
  await backdoor.applyConfig({
    'recaptcha_frontend/type_invisible/private_key': '-secret',
    'recaptcha_frontend/type_for/customer_forgot_password': 'invisible',
  });
  expect(calls).toEqual([
    [...exec, 'php', 'bin/magento', 'config:set', '--', 'recaptcha_frontend/type_invisible/private_key', '-secret'],
    configSql(
      'INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ' +
        "('default', 0, 'recaptcha_frontend/type_for/customer_forgot_password', 'invisible') ON DUPLICATE KEY UPDATE value = VALUES(value);",
    ),
    cleanConfigCache,
  ]);
  calls.length = 0;
  await backdoor.applyConfig({ 'recaptcha_frontend/type_invisible/private_key': null });
  expect(calls).toEqual([
    configSql("DELETE FROM core_config_data WHERE scope = 'default' AND scope_id = 0 AND path IN ('recaptcha_frontend/type_invisible/private_key');"),
    cleanConfigCache,
  ]);
});

test('a value is one escaped SQL string, whatever it holds', async () => {
  const { backdoor, calls } = recorded();
  await backdoor.applyConfig({ 'contact/email/recipient_email': "-1'; DROP TABLE x; -- \\" });
  expect(calls[0]?.at(-1)).toContain("'contact/email/recipient_email', '-1''; DROP TABLE x; -- \\\\')");
});

test('restoring puts back the stack value where the stack sets one and deletes the other rows, in the same batch', async () => {
  const { backdoor, calls } = recorded();
  await backdoor.applyConfig({
    'customer/password/password_reset_protection_type': null,
    'system/smtp/port': null,
    'customer/password/lockout_failures': null,
    'customer/password/lockout_threshold': null,
  });
  expect(calls).toEqual([
    configSql(
      'INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ' +
        "('default', 0, 'customer/password/password_reset_protection_type', '0'), ('default', 0, 'system/smtp/port', '1025') " +
        'ON DUPLICATE KEY UPDATE value = VALUES(value); ' +
        "DELETE FROM core_config_data WHERE scope = 'default' AND scope_id = 0 AND path IN " +
        "('customer/password/lockout_failures', 'customer/password/lockout_threshold');",
    ),
    cleanConfigCache,
  ]);
});

test('an empty batch runs nothing', async () => {
  const { backdoor, calls } = recorded();
  await backdoor.applyConfig({});
  expect(calls).toEqual([]);
});

test('clearPasswordResetRequests empties password_reset_request_event', async () => {
  const { backdoor, calls } = recorded();
  await backdoor.clearPasswordResetRequests();
  expect(calls).toEqual([[...exec, 'magerun2', 'db:query', 'DELETE FROM password_reset_request_event;']]);
});

for (const [what, call] of [
  ['a zero id', (b: Backdoor) => b.ageResetToken(0, 1)],
  ['a fractional id', (b: Backdoor) => b.lockAccount(1.5, 1, 1)],
  ['a fractional age', (b: Backdoor) => b.ageResetToken(1, 0.5)],
  ['negative failures', (b: Backdoor) => b.lockAccount(1, -1, 1)],
  ['a path with SQL in it', (b: Backdoor) => b.applyConfig({ 'a/b/c': '1', "a/b/c'; --": '1' })],
  ['a two-part path', (b: Backdoor) => b.applyConfig({ 'customer/password': null })],
  ['a value with a newline', (b: Backdoor) => b.applyConfig({ 'a/b/c': '1\n2' })],
] as const) {
  test(`${what} is refused before anything runs`, async () => {
    const { backdoor, calls } = recorded();
    await expect(call(backdoor)).rejects.toThrow();
    expect(calls).toEqual([]);
  });
}

test('a missing compose file is one line naming the variable to fix', () => {
  expect(() => createDockerSqlBackdoor('docker/nope.yaml')).toThrow(
    'MAGENTO_DOCKER_COMPOSE_FILE=docker/nope.yaml: no such file; point it at docker/compose.yaml',
  );
});

test('a failing docker command is one line naming the command and what to do', async () => {
  // The default runner: here docker is absent or the stack is down, either way the command fails.
  const backdoor = createDockerSqlBackdoor('docker/compose.yaml');
  const error = await backdoor.clearPasswordResetRequests().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  const message = (error as Error).message;
  expect(message).toContain('`docker compose -f');
  expect(message).toContain('npm run stack:docker');
  expect(message).not.toContain('\n');
});

test('the stack config file parses to path/value pairs and rejects malformed paths', () => {
  expect([...parseStackConfig('# comment\n\nsystem/smtp/host mailpit\na/b/c two words\n')]).toEqual([
    ['system/smtp/host', 'mailpit'],
    ['a/b/c', 'two words'],
  ]);
  expect(() => parseStackConfig('not-a-path 1')).toThrow('section/group/field');
});

test('resetTokenAge reads the seconds since rp_token_created_at; no token is undefined, no row an error', async () => {
  const { backdoor, calls } = recorded('age\n125\n');
  expect(await backdoor.resetTokenAge(42)).toBe(125);
  expect(calls[0]?.at(-1)).toBe(
    "SELECT IFNULL(TIMESTAMPDIFF(SECOND, rp_token_created_at, UTC_TIMESTAMP()), 'none') AS age FROM customer_entity WHERE entity_id = 42;",
  );
  expect(await recorded('age\nnone\n').backdoor.resetTokenAge(42)).toBeUndefined();
  await expect(recorded('age\n').backdoor.resetTokenAge(999)).rejects.toThrow('no customer with id 999');
});

test('the store lease is one mysql session per request: table created on first use, decided under a named lock', async () => {
  const { backdoor, calls } = recorded('run_id\tmode\tgranted\tsince\nci-1-ab\tshared\t1\t2026-12-01 22:40:00\n');
  expect(await backdoor.acquireLease('ci-1-ab', 'shared', 60)).toEqual({ granted: true });
  const statement = calls[0]?.at(-1) ?? '';
  expect(calls[0]?.slice(0, -1)).toEqual([...exec, 'magerun2', 'db:query']);
  expect(statement).toMatch(/^CREATE TABLE IF NOT EXISTS suite_store_lease \(run_id VARCHAR\(100\) NOT NULL PRIMARY KEY, /);
  expect(statement).toContain("DO GET_LOCK('suite_store_lease', 30); DELETE FROM suite_store_lease WHERE expires <= UTC_TIMESTAMP();");
  expect(statement).toContain("OR NOT EXISTS (SELECT 1 FROM suite_store_lease WHERE run_id <> 'ci-1-ab' AND mode = 'exclusive')");
  expect(statement).toContain('DATE_ADD(UTC_TIMESTAMP(), INTERVAL 60 SECOND)');
  expect(statement).toMatch(/SELECT run_id, mode, granted, since FROM suite_store_lease ORDER BY since, run_id; DO RELEASE_LOCK\('suite_store_lease'\);$/);
});

test('a refused exclusive request names the other runs, holding or waiting, and since when', async () => {
  const rows = 'run_id\tmode\tgranted\tsince\nother-2-cd\tshared\t1\t2026-12-01 22:40:00\nci-1-ab\texclusive\t0\t2026-12-01 22:41:05\n';
  const { backdoor, calls } = recorded(rows);
  expect(await backdoor.acquireLease('ci-1-ab', 'exclusive', 60)).toEqual({
    granted: false,
    heldBy: [{ runId: 'other-2-cd', mode: 'shared', since: '2026-12-01T22:40:00Z', waiting: false }],
  });
  expect(calls[0]?.at(-1)).toContain("VALUES ('ci-1-ab', 'exclusive', 0, UTC_TIMESTAMP(), DATE_ADD(UTC_TIMESTAMP(), INTERVAL 60 SECOND))");
});

test('renewLease moves the expiry and says whether the run still has its row; releaseLease deletes it', async () => {
  const { backdoor, calls } = recorded('held\n1\n');
  expect(await backdoor.renewLease('ci-1-ab', 60)).toBe(true);
  expect(calls[0]?.at(-1)).toContain(
    "UPDATE suite_store_lease SET expires = DATE_ADD(UTC_TIMESTAMP(), INTERVAL 60 SECOND) WHERE run_id = 'ci-1-ab'; " +
      "SELECT COUNT(*) AS held FROM suite_store_lease WHERE run_id = 'ci-1-ab';",
  );
  expect(await recorded('held\n0\n').backdoor.renewLease('ci-1-ab', 60)).toBe(false);
  await backdoor.releaseLease('ci-1-ab');
  expect(calls[1]?.at(-1)).toMatch(/DELETE FROM suite_store_lease WHERE run_id = 'ci-1-ab';$/);
});

for (const [what, call] of [
  ['a run id with a quote', (b: Backdoor) => b.acquireLease("x'; --", 'shared', 60)],
  ['a fractional ttl', (b: Backdoor) => b.renewLease('ci-1-ab', 1.5)],
  ['a zero ttl', (b: Backdoor) => b.acquireLease('ci-1-ab', 'exclusive', 0)],
] as const) {
  test(`lease: ${what} is refused before anything runs`, async () => {
    const { backdoor, calls } = recorded();
    await expect(call(backdoor)).rejects.toThrow();
    expect(calls).toEqual([]);
  });
}
