// Before the serial REST tests change store-wide configuration: this run takes the store lease exclusively,
// waiting (bounded, saying who holds it) until no other run on the store is inside. The runner's heartbeat
// keeps it alive; shared.teardown.ts hands it back as shared when the serial tests are done.
import { LEASE_WAIT_MS, runIdOf, waitForLease } from '../../fixtures/store-lease.js';
import { test as setup } from '../../fixtures/test.js';

setup('this run holds the store exclusively before it changes store-wide config', async ({ availableBackdoor }) => {
  setup.skip(availableBackdoor === undefined, 'no backdoor keeps a store lease here (the run said so at start)');
  setup.setTimeout(LEASE_WAIT_MS + 30_000);
  if (availableBackdoor === undefined) return;
  await waitForLease(availableBackdoor, runIdOf(process.env), 'exclusive');
});
