// docker/compose.yaml cannot be started here (no Docker engine), so it is checked statically:
// against the Compose Specification's JSON schema (the copy dclint ships, where every object is
// additionalProperties: false, so a misspelt key fails), then for what the release gate relies on.
import { existsSync, readFileSync } from 'node:fs';
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

test('Mailpit is pinned to v1.33.1', () => {
  expect(service('mailpit').image).toBe('axllent/mailpit:v1.33.1');
});

test('Magento comes from the preinstalled community-edition image, 2.4.8 line by default', () => {
  expect(withDefaults(service('magento').image)).toBe('michielgerritsen/magento-project-community-edition:php84-fpm-magento2.4.8');
});

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
