// docker/compose.yaml cannot be started here (no Docker engine), so it is checked statically:
// against the Compose Specification's JSON schema (the copy dclint ships, where every object is
// additionalProperties: false, so a misspelt key fails), then for what the release gate relies on.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

const composeFile = resolve('docker/compose.yaml');
const compose: unknown = parse(readFileSync(composeFile, 'utf8'));

interface Service {
  image: string;
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string | string[] };
}

function services(): Record<string, Service> {
  return (compose as { services: Record<string, Service> }).services;
}

function service(name: string): Service {
  const found = services()[name];
  if (!found) throw new Error(`docker/compose.yaml has no "${name}" service`);
  return found;
}

/** What Compose would substitute with no variables set: `${VAR:-default}` → default, `${VAR}` → ''. */
function withDefaults(text: string): string {
  return text.replace(/\$\{[A-Z_]+(?::?-([^}]*))?\}/g, (_, fallback: string | undefined) => fallback ?? '');
}

function composeSpecSchema(): object {
  const dclint = dirname(createRequire(import.meta.url).resolve('dclint/package.json'));
  const schema = JSON.parse(readFileSync(join(dclint, 'schemas', 'compose.schema.json'), 'utf8')) as Record<string, unknown>;
  // Its `$schema` names the draft-07 meta-schema by a URL Ajv does not register; the draft is Ajv's default.
  delete schema.$schema;
  return schema;
}

test('docker/compose.yaml follows the Compose Specification schema', () => {
  const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(composeSpecSchema());
  const problems = validate(compose) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  expect(problems).toEqual([]);
});

test('Mailpit is pinned to v1.34.0 or newer (v1.33.x crashes on SMTP input, GHSA-v887-64wg-qqc9)', () => {
  const tag = /^axllent\/mailpit:v(\d+)\.(\d+)\.(\d+)$/.exec(service('mailpit').image);
  expect(tag, service('mailpit').image).not.toBeNull();
  const [major, minor] = (tag ?? []).slice(1).map(Number);
  expect((major ?? 0) * 1000 + (minor ?? 0)).toBeGreaterThanOrEqual(1034);
});

test('Magento comes from the preinstalled community-edition image, 2.4.8 line by default', () => {
  expect(withDefaults(service('magento').image)).toBe('michielgerritsen/magento-project-community-edition:php84-fpm-magento2.4.8');
});

test('the image tag takes the line from MAGENTO_VERSION and the patch suffix from MAGENTO_PATCH', () => {
  const image = service('magento').image;
  const tag = (env: Record<string, string>): string => image.replace(/\$\{([A-Z_]+):-([^}]*)\}/g, (_, name: string, fallback: string) => env[name] ?? fallback);
  expect(tag({ MAGENTO_VERSION: '2.4.7', MAGENTO_PATCH: '-p6', MAGENTO_PHP: 'php83-fpm' })).toBe(
    'michielgerritsen/magento-project-community-edition:php83-fpm-magento2.4.7-p6',
  );
});

/** What docker/up.sh hands to `docker compose up`, with a fake docker on PATH that prints its environment. */
function upScript(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const bin = mkdtempSync(join(tmpdir(), 'fake-docker-'));
  writeFileSync(join(bin, 'docker'), '#!/bin/sh\ncase " $* " in *" up "*) echo "up $MAGENTO_VERSION|$MAGENTO_PATCH|$MAGENTO_PHP" ;; esac\nexit 0\n', { mode: 0o755 });
  try {
    const { status, stdout, stderr } = spawnSync('bash', [resolve('docker/up.sh')], {
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env.PATH ?? ''}`, ...env },
    });
    return { status, stdout, stderr };
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

for (const [env, started] of [
  [{}, 'up 2.4.8||php84-fpm'],
  [{ MAGENTO_VERSION: '2.4.8-p3' }, 'up 2.4.8|-p3|php84-fpm'],
  [{ MAGENTO_VERSION: '2.4.7', MAGENTO_PATCH: '-p6' }, 'up 2.4.7|-p6|php83-fpm'],
  [{ MAGENTO_VERSION: '2.4.6-p11' }, 'up 2.4.6|-p11|php82-fpm'],
  [{ MAGENTO_VERSION: '2.4.9', MAGENTO_PHP: 'php85-fpm' }, 'up 2.4.9||php85-fpm'],
] as const) {
  test(`npm run stack:docker with ${JSON.stringify(env)} starts ${started.slice(3)}`, () => {
    const { status, stdout } = upScript(env);
    expect(status).toBe(0);
    expect(stdout).toContain(started);
  });
}

for (const [env, message] of [
  [{ MAGENTO_VERSION: '2.4.5' }, 'MAGENTO_VERSION=2.4.5 is not supported'],
  [{ MAGENTO_VERSION: '2.4.8', MAGENTO_PATCH: 'p3' }, 'MAGENTO_PATCH=p3 is not a patch suffix'],
  [{ MAGENTO_VERSION: '2.4.8-p2', MAGENTO_PATCH: '-p3' }, 'disagree'],
] as const) {
  test(`npm run stack:docker refuses ${JSON.stringify(env)} in one line, before starting anything`, () => {
    const { status, stdout, stderr } = upScript(env);
    expect(status).toBe(2);
    expect(stdout).not.toContain('up ');
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(message)]);
  });
}

test("Magento's URL names the host port that is mapped to its port 80", () => {
  const magento = service('magento');
  const url = new URL(withDefaults(String(magento.environment?.URL)));
  expect(magento.ports?.map(withDefaults)).toEqual([`127.0.0.1:${url.port}:80`]);
});

test('every service has a health check and publishes ports on loopback only', () => {
  for (const [name, { healthcheck, ports = [] }] of Object.entries(services())) {
    expect(healthcheck?.test, `${name} health check`).toBeTruthy();
    for (const port of ports) expect(port, `${name} port`).toMatch(/^127\.0\.0\.1:/);
  }
});

test('the setup hook is mounted where the image runs it, and every mounted file exists', () => {
  const volumes = service('magento').volumes ?? [];
  expect(volumes).toContain('./setup.sh:/data/custom-entrypoint.sh:ro');
  for (const volume of volumes) {
    const [source = ''] = volume.split(':');
    expect(existsSync(join(dirname(composeFile), source)), `${source} exists`).toBe(true);
  }
});
