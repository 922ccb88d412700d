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

test('setConfig runs bin/magento config:set with the value as its own argument, then cleans the config cache', async () => {
  const { backdoor, calls } = recorded();
  await backdoor.setConfig('customer/password/minimum_password_length', '-1; DROP TABLE x');
  expect(calls).toEqual([
    [...exec, 'php', 'bin/magento', 'config:set', '--', 'customer/password/minimum_password_length', '-1; DROP TABLE x'],
    [...exec, 'php', 'bin/magento', 'cache:clean', 'config'],
  ]);
});

test('restoreConfig puts back the stack value where the stack sets one', async () => {
  const { backdoor, calls } = recorded();
  await backdoor.restoreConfig('customer/password/password_reset_protection_type');
  await backdoor.restoreConfig('system/smtp/port');
  expect(calls.map((argv) => argv.slice(exec.length))).toEqual([
    ['php', 'bin/magento', 'config:set', '--', 'customer/password/password_reset_protection_type', '0'],
    ['php', 'bin/magento', 'cache:clean', 'config'],
    ['php', 'bin/magento', 'config:set', '--', 'system/smtp/port', '1025'],
    ['php', 'bin/magento', 'cache:clean', 'config'],
  ]);
});

test("restoreConfig deletes any other path, back to Magento's default", async () => {
  const { backdoor, calls } = recorded();
  await backdoor.restoreConfig('customer/password/lockout_failures');
  expect(calls.map((argv) => argv.slice(exec.length))).toEqual([
    ['magerun2', 'config:store:delete', 'customer/password/lockout_failures'],
    ['php', 'bin/magento', 'cache:clean', 'config'],
  ]);
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
  ['a path with SQL in it', (b: Backdoor) => b.setConfig("a/b/c'; --", '1')],
  ['a two-part path', (b: Backdoor) => b.restoreConfig('customer/password')],
  ['a value with a newline', (b: Backdoor) => b.setConfig('a/b/c', '1\n2')],
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
