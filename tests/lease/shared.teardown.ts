// After the serial REST tests: the run's exclusive lease goes back to shared (a downgrade, never waits),
// so other runs' parallel tests may start while this one finishes; the global teardown releases it.
import { runIdOf, waitForLease } from '../../fixtures/store-lease.js';
import { test as teardown } from '../../fixtures/test.js';

teardown('this run hands the store back to shared use', async ({ availableBackdoor }) => {
  teardown.skip(availableBackdoor === undefined, 'no backdoor keeps a store lease here (the run said so at start)');
  if (availableBackdoor === undefined) return;
  await waitForLease(availableBackdoor, runIdOf(process.env), 'shared');
});
