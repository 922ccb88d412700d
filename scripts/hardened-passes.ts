// `npm run test:hardened`: the REST+GraphQL suite against the embedded emulator as a hardened 2.4.8 store,
// once with two-factor auth and once with reCAPTCHA (README, "A hardened store"). Each pass first checks the
// stop: without the suite-side variable the run ends at the preflight with one line naming the protection
// (its time is printed, not asserted); then the full run must be green with that pass's hardened spec run, not skipped.
import { failed, runSuite } from './playwright-run.js';
import type { SuiteRun } from './playwright-run.js';

const EMBEDDED = { magentoBaseUrl: '', mailpitUrl: '' };
// Fixed test values (not secrets): the recorded store's Google secret, and an integration token of Magento's 32 characters.
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const INTEGRATION_TOKEN = 'hardenedpassintegrationtoken0001';
// Every way the suite could take the admin token, cleared so `.env` or the shell cannot choose one for a pass.
const NO_ADMIN_AUTH = { MAGENTO_ADMIN_TOTP_SECRET: '', MAGENTO_ADMIN_TOKEN: '' };

interface Pass {
  readonly name: string;
  /** What makes the emulator that store. */
  readonly store: Readonly<Record<string, string>>;
  /** What the suite is given to get past it. */
  readonly suite: Readonly<Record<string, string>>;
  /** The preflight's one line without `suite`. */
  readonly stop: RegExp;
  /** The spec that runs only on such a store. */
  readonly hardenedSpec: string;
}

const PASSES: readonly Pass[] = [
  {
    name: '2fa',
    store: { EMULATOR_2FA_SECRET: TOTP_SECRET },
    suite: { MAGENTO_ADMIN_TOTP_SECRET: TOTP_SECRET },
    stop: /2FA/,
    hardenedSpec: 'hardened/two-factor.spec.ts',
  },
  {
    name: 'recaptcha',
    store: { EMULATOR_RECAPTCHA: 'customer_forgot_password,customer_login,customer_create', EMULATOR_INTEGRATION_TOKEN: INTEGRATION_TOKEN },
    suite: { MAGENTO_ADMIN_TOKEN: INTEGRATION_TOKEN },
    stop: /reCAPTCHA/,
    hardenedSpec: 'hardened/recaptcha.spec.ts',
  },
];

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function environment(pass: Pass, withSuiteSide: boolean): Record<string, string> {
  return { MAGENTO_VERSION: '2.4.8', ...NO_ADMIN_AUTH, ...pass.store, ...(withSuiteSide ? pass.suite : {}), SUITE_REPORTS_NAME: `2.4.8-hardened-${pass.name}` };
}

/** Problems with the stop, or none. */
function checkStop(pass: Pass, run: SuiteRun): string[] {
  const line = run.setupError ?? '';
  console.log(`[${pass.name}] without ${Object.keys(pass.suite).join(', ')}: exit ${run.exitCode} after ${seconds(run.wallMs)}: ${line}`);
  const problems: string[] = [];
  if (run.exitCode === 0) problems.push('the run passed instead of stopping at the preflight');
  if (!pass.stop.test(line) || line.includes('\n')) problems.push(`the preflight's line does not name ${String(pass.stop)}`);
  if (run.tests.some((t) => t.status !== 'skipped')) problems.push('tests ran before the stop');
  return problems;
}

/** Problems with the green run, or none. */
function checkGreen(pass: Pass, run: SuiteRun): string[] {
  const hardened = run.tests.filter((t) => t.title.includes(pass.hardenedSpec));
  const problems = failed(run).map((t) => `failed: ${t.title}`);
  if (run.exitCode !== 0 && problems.length === 0) problems.push(`exit ${run.exitCode}: ${run.setupError ?? 'see above'}`);
  if (hardened.length === 0) problems.push(`no test of ${pass.hardenedSpec} was found`);
  for (const t of hardened.filter((h) => h.status !== 'passed')) problems.push(`${t.status}, not run: ${t.title}`);
  const ran = hardened.filter((t) => t.status === 'passed').length;
  console.log(`[${pass.name}] with them: exit ${run.exitCode}, ${run.tests.length} tests (${ran}/${hardened.length} of ${pass.hardenedSpec} passed) in ${seconds(run.wallMs)}`);
  return problems;
}

let problems: string[] = [];
for (const pass of PASSES) {
  const stopped = await runSuite(EMBEDDED, [], undefined, { env: environment(pass, false) });
  const green = await runSuite(EMBEDDED, [], undefined, { env: environment(pass, true), configuredReporters: true });
  problems = [...problems, ...[...checkStop(pass, stopped), ...checkGreen(pass, green)].map((p) => `[${pass.name}] ${p}`)];
}
for (const problem of problems) console.error(problem);
process.exit(problems.length === 0 ? 0 : 1);
