import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { boundedFetch, DependencyDown, dependencyDown, guarded, MARKER_VARIABLE, networkCause } from '../../fixtures/dependency.js';

/** A TypeError("fetch failed") as undici throws it, with a coded cause. */
function fetchFailed(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// serial: the tests share one marker (a fresh one, so other tests of this worker are not refused)
test.describe.configure({ mode: 'serial' });

test.describe('a dependency that stops answering', () => {
  let dir: string;
  test.beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'suite-dependency-'));
    process.env[MARKER_VARIABLE] = path.join(dir, 'dependency-down');
  });
  test.afterAll(() => {
    delete process.env[MARKER_VARIABLE];
    rmSync(dir, { recursive: true, force: true });
  });

  test('network failures are told from other errors, by code or by the bound', () => {
    expect(networkCause(fetchFailed('ECONNREFUSED'), 5_000)).toBe('ECONNREFUSED');
    expect(networkCause(new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 5_000)).toBe('no answer within 5000 ms');
    expect(networkCause(new Error('Mailpit API Error: 404 Not Found'), 5_000)).toBeUndefined();
  });

  test('an answer that is not network trouble passes through untouched', async () => {
    await expect(guarded('Mailpit', 'http://x', () => Promise.reject(new Error('a 404')))).rejects.toThrow('a 404');
    expect(dependencyDown()).toBeUndefined();
  });

  test('a silent server is caught by its bound, named in one line without a stack', async () => {
    const server = createServer(() => undefined); // takes the request, never answers
    const url = await listen(server);
    try {
      const error = (await boundedFetch('Mailpit', url, `${url}/api/v1/info`, {}, 300).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(DependencyDown);
      expect(error.message).toBe(`Mailpit at ${url} stopped answering during the run (no answer within 300 ms)`);
      expect(error.stack).toBe(error.message);
      expect(error.cause).toBeUndefined();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('once one service is down, every later request is refused at once with the first cause', async () => {
    let asked = false;
    const error = await guarded('Magento', 'http://magento', () => {
      asked = true;
      return Promise.resolve('answer');
    }).catch((e: unknown) => e);
    expect(asked).toBe(false);
    expect((error as Error).message).toMatch(/^Mailpit at .* stopped answering during the run \(no answer within 300 ms\)$/);
    expect(dependencyDown()).toBe((error as Error).message);
  });
});
