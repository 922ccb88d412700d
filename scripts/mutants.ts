// `npm run test:mutants`: proves the suite has teeth. The suite runs once against the clean emulator (must be
// green), then once per named fault, a realistic regression of Magento's reset code (must be red). Each faulty
// run stops at its first failure. Prints fault → killed/survived → the tests that caught it; exit 1 on a survivor.
import { FAULTS, type FaultName } from '../emulator/faults.js';
import { startEmbeddedStack } from '../fixtures/embedded-stack.js';
import { failed, runSuite, type SuiteRun, type Target } from './playwright-run.js';

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

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const faults = (Object.keys(FAULTS) as FaultName[]).filter((f) => only.length === 0 || only.includes(f));
  const stack = await startEmbeddedStack();
  try {
    const target = { magentoBaseUrl: stack.magentoBaseUrl, mailpitUrl: stack.mailpitUrl };
    const clean = await runSuite(target, []);
    if (clean.exitCode !== 0) {
      console.error(`the clean run is red, so no fault can be judged: ${caughtBy(clean)}`);
      return 1;
    }
    console.log(`clean run: ${clean.tests.length} tests green in ${(clean.wallMs / 1000).toFixed(1)} s\n`);
    const rows: [string, string, string][] = [];
    for (const fault of faults) {
      await setFaults(target, [fault]);
      const run = await runSuite(target, ['--max-failures=1']);
      await setFaults(target, []);
      const killed = run.exitCode !== 0;
      rows.push([fault, killed ? 'killed' : 'SURVIVED', killed ? caughtBy(run) : FAULTS[fault]]);
      console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${fault}`);
    }
    const width = Math.max(...rows.map(([f]) => f.length));
    console.log(`\n| fault${' '.repeat(width - 5)} | result   | caught by |`);
    console.log(`|${'-'.repeat(width + 2)}|----------|-----------|`);
    for (const [fault, result, by] of rows) console.log(`| ${fault.padEnd(width)} | ${result.padEnd(8)} | ${by} |`);
    const survivors = rows.filter(([, result]) => result !== 'killed').length;
    console.log(`\n${rows.length - survivors} of ${rows.length} faults killed`);
    return survivors === 0 ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`mutants: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
