// `npm run test:mutants`: proves the suite has teeth. The suite runs once against the clean emulator (must be
// green), then once per named fault, a realistic regression of Magento's reset code (must be red). Each faulty
// run stops at its first failure. Prints fault → killed/survived → the tests that caught it; exit 1 on a survivor.
import { FAULTS, type FaultName } from '../emulator/model/faults.js';
import { startEmbeddedStack } from '../fixtures/embedded-stack.js';
import { BOTH_PROJECTS, failed, runSuite, STOREFRONT_PROJECTS, type SuiteRun, type Target } from './playwright-run.js';

/**
 * The runs that judge a fault, in turn until one is red. A storefront fault is judged by the browser specs alone
 * (`--no-deps`: it leaves REST alone, so the REST projects the storefront ones wait for are not rerun), the
 * parallel ones, then the serial ones (run apart: their config changes would reach the parallel ones' forms);
 * any other by the REST suite.
 */
const isStorefront = (fault: FaultName): boolean => fault.startsWith('storefront-');

/** The judging runs in turn, stopping at the first red one (each stops at its first failure). */
async function judge(target: Target, fault: FaultName): Promise<SuiteRun> {
  const stages = isStorefront(fault) ? STOREFRONT_PROJECTS.map((project) => [project]) : [BOTH_PROJECTS];
  const args = ['--max-failures=1', ...(isStorefront(fault) ? ['--no-deps'] : [])];
  let run: SuiteRun | undefined;
  for (const projects of stages) {
    run = await runSuite(target, args, projects);
    if (run.exitCode !== 0) break;
  }
  if (run === undefined) throw new Error(`no run judges ${fault}`);
  return run;
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
    const run = await judge(target, fault);
    await setFaults(target, []);
    const killed = run.exitCode !== 0;
    rows.set(fault, [killed ? 'killed' : 'SURVIVED', killed ? caughtBy(run) : FAULTS[fault]]);
    console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${fault}`);
  }
}

// Two lanes, each with its own stack (faults are per emulator): the runs mostly wait on I/O.
const LANES = 2;

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const faults = (Object.keys(FAULTS) as FaultName[]).filter((f) => only.length === 0 || only.includes(f));
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
    const queue = [...faults];
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
