// `npm run test:mutants`: proves the suite has teeth. The suite runs once against the clean emulator (must be
// green), then once per named fault, a realistic regression of Magento's reset code (must be red). Each faulty
// run stops at its first failure. Prints fault → killed/survived → the tests that caught it; exit 1 on a survivor.
import { FAULTS, type FaultName } from '../emulator/model/faults.js';
import { startEmbeddedStack } from '../fixtures/embedded-stack.js';
import { BOTH_PROJECTS, failed, runSuite, STOREFRONT_PROJECTS, type SuiteRun, type Target } from './playwright-run.js';

/**
 * The spec written to catch each fault, run first on its own: one file answers in seconds where the whole suite
 * takes a quarter of a minute. Only a verdict's speed rests on it: a fault its spec misses is judged by the
 * whole suite, and the row says the spec missed it.
 */
const FIRST_JUDGE: Record<FaultName, string> = {
  'token-not-cleared-after-reset': 'tests/reset.spec.ts',
  'token-not-rotated': 'tests/reset.spec.ts',
  'token-not-rotated-before-template-check': 'tests/initiate.spec.ts',
  'expiry-not-enforced': 'tests/reset.spec.ts',
  'expiry-off-by-one-hour': 'tests/serial/password-config.spec.ts',
  'token-compare-case-insensitive': 'tests/validate-token.spec.ts',
  'token-prefix-match': 'tests/validate-token.spec.ts',
  'foreign-token-accepted': 'tests/reset.spec.ts',
  'min-length-off-by-one': 'tests/reset.spec.ts',
  'character-classes-ignored': 'tests/reset.spec.ts',
  'spaces-allowed': 'tests/reset.spec.ts',
  'password-equal-email-allowed': 'tests/reset.spec.ts',
  'reset-does-not-change-password': 'tests/reset-flow.spec.ts',
  'old-password-still-accepted': 'tests/login-after-reset.spec.ts',
  'unknown-email-returns-true': 'tests/initiate.spec.ts',
  'template-not-validated': 'tests/initiate.spec.ts',
  'messages-rendered-with-values': 'tests/initiate.spec.ts',
  'parameters-missing': 'tests/initiate.spec.ts',
  'bad-request-as-500': 'tests/initiate.spec.ts',
  'mail-not-sent': 'tests/reset-flow.spec.ts',
  'mail-to-wrong-address': 'tests/reset-flow.spec.ts',
  'link-without-id': 'tests/reset-flow.spec.ts',
  'wrong-subject': 'tests/reset-flow.spec.ts',
  'wrong-sender': 'tests/reset-flow.spec.ts',
  'reset-unlock-missing': 'tests/login-after-reset.spec.ts',
  'throttle-ignored': 'tests/serial/request-throttling.spec.ts',
  'login-throttle-ignored': 'tests/login-after-reset.spec.ts',
  'graphql-reset-skips-token-check': 'tests/graphql/reset-password.spec.ts',
  'graphql-unknown-email-returns-true': 'tests/graphql/request-reset.spec.ts',
  'graphql-category-lost': 'tests/graphql/change-password.spec.ts',
  'graphql-statuses-flattened': 'tests/graphql/change-password.spec.ts',
  'graphql-locked-account-allowed': 'tests/graphql/locked-account.spec.ts',
  'storefront-forgot-tells-unknown-email': 'tests/storefront/forgot-form.spec.ts',
  'storefront-success-message-missing': 'tests/storefront/forgot-form.spec.ts',
  'storefront-reused-link-opens-form': 'tests/storefront/bad-links.spec.ts',
  'storefront-mismatched-confirmation-accepted': 'tests/storefront/set-password.spec.ts',
  'storefront-recaptcha-not-enforced': 'tests/storefront/serial/recaptcha.spec.ts',
};

/** The playwright.config.ts project a spec file belongs to. */
function projectOf(spec: string): string {
  const serial = spec.includes('/serial/') ? '-serial' : '';
  return `${spec.startsWith('tests/storefront/') ? 'storefront' : 'suite'}${serial}`;
}

const isStorefront = (fault: FaultName): boolean => fault.startsWith('storefront-');

/**
 * The whole-suite judge: a storefront fault by the browser specs alone (`--no-deps`: it leaves REST alone, so
 * the REST projects the storefront ones wait for are not rerun), the parallel ones, then the serial ones (run
 * apart: their config changes would reach the parallel ones' forms); any other by the REST suite.
 */
const wholeSuiteStages = (fault: FaultName): readonly (readonly string[])[] =>
  isStorefront(fault) ? STOREFRONT_PROJECTS.map((project) => [project]) : [BOTH_PROJECTS];

/** The fault's own spec, then the whole suite in turn, stopping at the first red run (each stops at its first failure). */
async function judge(target: Target, fault: FaultName): Promise<{ run: SuiteRun; missedBy?: string }> {
  const spec = FIRST_JUDGE[fault];
  const first = await runSuite(target, ['--max-failures=1', '--no-deps', spec], [projectOf(spec)]);
  if (first.exitCode !== 0) return { run: first };
  const args = ['--max-failures=1', ...(isStorefront(fault) ? ['--no-deps'] : [])];
  let run = first;
  for (const projects of wholeSuiteStages(fault)) {
    run = await runSuite(target, args, projects);
    if (run.exitCode !== 0) break;
  }
  return { run, missedBy: spec };
}

async function setFaults(target: Target, faults: readonly FaultName[]): Promise<void> {
  const response = await fetch(new URL('/__emulator/faults', target.magentoBaseUrl), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults }),
  });
  if (!response.ok) throw new Error(`the emulator refused faults ${faults.join(',')}: HTTP ${response.status}`);
}

function caughtBy(run: SuiteRun): string {
  const titles = failed(run).map((t) => t.title.split(' › ').slice(-1)[0]);
  if (titles.length > 0) return titles.join('; ');
  return run.setupError ? `preflight: ${run.setupError}` : `exit code ${run.exitCode}`;
}

/** Judges faults from the shared queue, one at a time, against this lane's own emulator. */
async function lane(target: Target, queue: FaultName[], rows: Map<FaultName, [string, string]>): Promise<void> {
  for (let fault = queue.shift(); fault !== undefined; fault = queue.shift()) {
    await setFaults(target, [fault]);
    const started = performance.now();
    const { run, missedBy } = await judge(target, fault);
    const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
    await setFaults(target, []);
    const killed = run.exitCode !== 0;
    const missed = missedBy === undefined ? '' : ` (missed by its own spec ${missedBy})`;
    rows.set(fault, [killed ? 'killed' : 'SURVIVED', `${killed ? caughtBy(run) : FAULTS[fault]}${missed}`]);
    console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${fault.padEnd(45)} ${took}`);
  }
}

// Two lanes, each with its own stack (faults are per emulator): the runs mostly wait on I/O.
const LANES = 2;

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const faults = (Object.keys(FAULTS) as FaultName[]).filter((f) => only.length === 0 || only.includes(f));
  // The emulator's mail reaches Mailpit in milliseconds: a fault that sends none is judged in 3 s, not the 10 s
  // a real store gets. The clean run waits as briefly, so a verdict cannot rest on the shorter wait.
  process.env.MAIL_WAIT_TIMEOUT_MS ??= '3000';
  const stacks = await Promise.all(Array.from({ length: LANES }, () => startEmbeddedStack()));
  try {
    const targets = stacks.map((stack) => ({ magentoBaseUrl: stack.magentoBaseUrl, mailpitUrl: stack.mailpitUrl }));
    const clean = await runSuite(targets[0] as Target, [], [...BOTH_PROJECTS, ...STOREFRONT_PROJECTS]);
    if (clean.exitCode !== 0) {
      console.error(`the clean run is red, so no fault can be judged: ${caughtBy(clean)}`);
      return 1;
    }
    console.log(`clean run: ${clean.tests.length} tests green in ${(clean.wallMs / 1000).toFixed(1)} s\n`);
    const rows = new Map<FaultName, [string, string]>();
    // the slow browser verdicts first, so the lanes end together
    const queue = [...faults.filter(isStorefront), ...faults.filter((fault) => !isStorefront(fault))];
    await Promise.all(targets.map((target) => lane(target, queue, rows)));
    const width = Math.max(...faults.map((f) => f.length));
    console.log(`\n| fault${' '.repeat(width - 5)} | result   | caught by |`);
    console.log(`|${'-'.repeat(width + 2)}|----------|-----------|`);
    for (const fault of faults) {
      const [result, by] = rows.get(fault) ?? ['SURVIVED', 'not run'];
      console.log(`| ${fault.padEnd(width)} | ${result.padEnd(8)} | ${by} |`);
    }
    const survivors = faults.filter((fault) => rows.get(fault)?.[0] !== 'killed').length;
    console.log(`\n${faults.length - survivors} of ${faults.length} faults killed`);
    return survivors === 0 ? 0 : 1;
  } finally {
    await Promise.all(stacks.map((stack) => stack.stop()));
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`mutants: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
