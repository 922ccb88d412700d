// `npm run test:mutants`: proves the suite has teeth. Against the clean emulator the tests that judge the faults
// must be green; then each named fault, a realistic regression of Magento's reset code, must turn red the test
// written to catch it (scripts/mutant-judges.ts), or else the whole suite, each run stopping at its first
// failure. Prints fault → killed/survived → the tests that caught it; exit 1 on a survivor.
import { FAULTS, type FaultName } from '../emulator/model/faults.js';
import { startEmbeddedStack } from '../fixtures/embedded-stack.js';
import { FIRST_JUDGES, judgeArgs, projectOf, type Judge } from './mutant-judges.js';
import { BOTH_PROJECTS, failed, runSuite, STOREFRONT_PROJECTS, type SuiteRun, type Target } from './playwright-run.js';

const isStorefront = (fault: FaultName): boolean => fault.startsWith('storefront-');

/**
 * The whole suite, for a fault its own test misses: a storefront fault by the browser specs alone (`--no-deps`:
 * it leaves REST alone, so the REST projects the storefront ones wait for are not rerun), the parallel ones, then
 * the serial ones (run apart: their config changes would reach the parallel ones' forms); any other by the REST
 * suite.
 */
async function wholeSuite(target: Target, fault: FaultName): Promise<SuiteRun> {
  if (!isStorefront(fault)) return runSuite(target, ['--max-failures=1'], BOTH_PROJECTS);
  let run: SuiteRun | undefined;
  for (const project of STOREFRONT_PROJECTS) {
    run = await runSuite(target, ['--max-failures=1', '--no-deps'], [project]);
    if (run.exitCode !== 0) return run;
  }
  if (run === undefined) throw new Error('no storefront project to judge with');
  return run;
}

/** The judges of one project in one run. */
const runJudges = (target: Target, project: string, judges: readonly Judge[], args: readonly string[] = []): Promise<SuiteRun> =>
  runSuite(target, [...args, ...judgeArgs(judges)], [project]);

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

interface Verdict {
  readonly killed: boolean;
  readonly by: string;
  /** The fault's own test let it through; the whole suite judged it. */
  readonly missedByItsTest: boolean;
}

/** The fault's own test first, then, if it stays green, the whole suite. */
async function judge(target: Target, fault: FaultName): Promise<Verdict> {
  const own = FIRST_JUDGES[fault];
  let run = await runJudges(target, projectOf(own.spec), [own], ['--max-failures=1']);
  const missedByItsTest = run.exitCode === 0;
  if (missedByItsTest) run = await wholeSuite(target, fault);
  const killed = run.exitCode !== 0;
  const by = killed ? caughtBy(run) : FAULTS[fault];
  return { killed, by: missedByItsTest ? `${by} (missed by "${own.test}" in ${own.spec})` : by, missedByItsTest };
}

/** Judges faults from the shared queue, one at a time, against this lane's own emulator. */
async function lane(target: Target, queue: FaultName[], verdicts: Map<FaultName, Verdict>): Promise<void> {
  for (let fault = queue.shift(); fault !== undefined; fault = queue.shift()) {
    await setFaults(target, [fault]);
    const started = performance.now();
    const verdict = await judge(target, fault);
    await setFaults(target, []);
    verdicts.set(fault, verdict);
    console.log(`${verdict.killed ? 'killed  ' : 'SURVIVED'} ${fault.padEnd(45)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

/**
 * The faults' judges against the clean emulators, grouped into a run per project: the REST projects on one
 * lane, the browser ones on the other, each family's serial project after its parallel one. A red one names
 * what failed, since no verdict would mean anything.
 */
async function cleanJudges(targets: readonly Target[], faults: readonly FaultName[]): Promise<string | undefined> {
  const families = [BOTH_PROJECTS, STOREFRONT_PROJECTS];
  const reds = await Promise.all(
    families.map(async (projects, index) => {
      const target = targets[index % targets.length] as Target;
      for (const project of projects) {
        const judges = faults.map((fault) => FIRST_JUDGES[fault]).filter((judge) => projectOf(judge.spec) === project);
        if (judges.length === 0) continue;
        const run = await runJudges(target, project, judges);
        if (run.exitCode !== 0) return `${project}: ${caughtBy(run)}`;
        const unmatched = judges.find((judge) => !run.tests.some((t) => t.status === 'passed' && t.title.includes(judge.test)));
        if (unmatched !== undefined) return `"${unmatched.test}" did not pass in ${unmatched.spec} (renamed or skipped? see scripts/mutant-judges.ts)`;
      }
      return undefined;
    }),
  );
  return reds.find((red) => red !== undefined);
}

// Two lanes, each with its own stack (faults are per emulator): the runs mostly wait on I/O.
const LANES = 2;

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const faults = (Object.keys(FAULTS) as FaultName[]).filter((f) => only.length === 0 || only.includes(f));
  // The emulator's mail reaches Mailpit in milliseconds: a fault that sends none is judged in 3 s, not the 10 s
  // a real store gets. The clean runs wait as briefly, so a verdict cannot rest on the shorter wait.
  process.env.MAIL_WAIT_TIMEOUT_MS ??= '3000';
  const stacks = await Promise.all(Array.from({ length: LANES }, () => startEmbeddedStack()));
  try {
    const targets = stacks.map((stack) => ({ magentoBaseUrl: stack.magentoBaseUrl, mailpitUrl: stack.mailpitUrl }));
    const started = performance.now();
    const red = await cleanJudges(targets, faults);
    if (red !== undefined) {
      console.error(`against the clean emulator a fault's own test is red, so no fault can be judged: ${red}`);
      return 1;
    }
    console.log(`clean: the faults' own tests are green (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    const verdicts = new Map<FaultName, Verdict>();
    // the slow browser verdicts first, so the lanes end together
    const queue = [...faults.filter(isStorefront), ...faults.filter((fault) => !isStorefront(fault))];
    await Promise.all(targets.map((target) => lane(target, queue, verdicts)));
    const width = Math.max(...faults.map((f) => f.length));
    console.log(`\n| fault${' '.repeat(width - 5)} | result   | caught by |`);
    console.log(`|${'-'.repeat(width + 2)}|----------|-----------|`);
    for (const fault of faults) {
      const verdict = verdicts.get(fault);
      console.log(`| ${fault.padEnd(width)} | ${(verdict?.killed ? 'killed' : 'SURVIVED').padEnd(8)} | ${verdict?.by ?? 'not run'} |`);
    }
    const survivors = faults.filter((fault) => verdicts.get(fault)?.killed !== true).length;
    console.log(`\n${faults.length - survivors} of ${faults.length} faults killed`);
    // a verdict of the whole suite counts only if the whole suite is green without the fault
    const byWholeSuite = faults.filter((fault) => verdicts.get(fault)?.missedByItsTest === true);
    if (byWholeSuite.length > 0) {
      const clean = await runSuite(targets[0] as Target, [], [...BOTH_PROJECTS, ...STOREFRONT_PROJECTS]);
      if (clean.exitCode !== 0) {
        console.error(`the whole suite is red against the clean emulator, so the verdicts on ${byWholeSuite.join(', ')} mean nothing: ${caughtBy(clean)}`);
        return 1;
      }
      console.log(`the whole suite, which judged ${byWholeSuite.join(', ')}, is green against the clean emulator`);
    }
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
