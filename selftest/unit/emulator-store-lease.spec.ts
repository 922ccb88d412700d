// The store lease's rule, as the emulator models it: readers share, a writer is alone, writers are preferred,
// and what a crashed run left expires.
import { expect, test } from '@playwright/test';
import { StoreLease } from '../../emulator/model/store-lease.js';

const TTL = 60;
const at = (seconds: number): Date => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));

test('runs share the lease; an exclusive request waits until no other run is inside', () => {
  const lease = new StoreLease();
  expect(lease.acquire('a', 'shared', TTL, at(0))).toEqual({ granted: true });
  expect(lease.acquire('b', 'shared', TTL, at(1))).toEqual({ granted: true });
  // a gives up its shared lease and waits behind b's
  expect(lease.acquire('a', 'exclusive', TTL, at(2))).toEqual({
    granted: false,
    heldBy: [{ runId: 'b', mode: 'shared', since: at(1).toISOString(), waiting: false }],
  });
  lease.release('b');
  expect(lease.acquire('a', 'exclusive', TTL, at(3))).toEqual({ granted: true });
});

test('a new shared request waits while another run holds or waits for exclusive (writers are preferred)', () => {
  const lease = new StoreLease();
  lease.acquire('reader', 'shared', TTL, at(0));
  expect(lease.acquire('writer', 'exclusive', TTL, at(1)).granted).toBe(false);
  expect(lease.acquire('late', 'shared', TTL, at(2))).toEqual({
    granted: false,
    heldBy: [{ runId: 'writer', mode: 'exclusive', since: at(1).toISOString(), waiting: true }],
  });
  // the reader already inside keeps its lease
  expect(lease.acquire('reader', 'shared', TTL, at(3))).toEqual({ granted: true });
  lease.release('reader');
  expect(lease.acquire('writer', 'exclusive', TTL, at(4))).toEqual({ granted: true });
  expect(lease.acquire('late', 'shared', TTL, at(5)).granted).toBe(false);
});

test('two runs upgrading at once do not deadlock: the earlier writer goes first', () => {
  const lease = new StoreLease();
  lease.acquire('a', 'shared', TTL, at(0));
  lease.acquire('b', 'shared', TTL, at(0));
  expect(lease.acquire('a', 'exclusive', TTL, at(1)).granted).toBe(false); // b is still inside
  expect(lease.acquire('b', 'exclusive', TTL, at(2)).granted).toBe(false); // a waited longer
  expect(lease.acquire('a', 'exclusive', TTL, at(3))).toEqual({ granted: true });
  expect(lease.acquire('b', 'exclusive', TTL, at(4)).granted).toBe(false);
  // a's downgrade is granted at once and still keeps b out until a's run ends
  expect(lease.acquire('a', 'shared', TTL, at(5))).toEqual({ granted: true });
  expect(lease.acquire('b', 'exclusive', TTL, at(6)).granted).toBe(false);
  lease.release('a');
  expect(lease.acquire('b', 'exclusive', TTL, at(7))).toEqual({ granted: true });
});

test('a lease that is not renewed expires; renewing keeps it', () => {
  const lease = new StoreLease();
  lease.acquire('crashed', 'exclusive', TTL, at(0));
  lease.acquire('alive', 'shared', TTL, at(0)); // refused: crashed holds exclusive
  expect(lease.acquire('alive', 'shared', TTL, at(59)).granted).toBe(false);
  expect(lease.renew('crashed', TTL, at(59))).toBe(true);
  expect(lease.acquire('alive', 'shared', TTL, at(100)).granted).toBe(false);
  expect(lease.acquire('alive', 'shared', TTL, at(120))).toEqual({ granted: true });
  expect(lease.renew('crashed', TTL, at(121))).toBe(false);
});
