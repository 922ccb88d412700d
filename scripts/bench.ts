// `npm run bench`: measures speed (never asserted in a test). From one run on this machine it prints
//   - the floor: the bare HTTP sequence of the happy path with tight mail polling, no test framework,
//   - the suite's happy-path test time and its ratio to the floor,
//   - the whole suite's wall time and test count,
//   - the storefront journey (mail link → new password → My Account in Chromium), warm,
//   - mail latency p50/p95 (reset request → the mail visible through Mailpit's API),
//   - the emulator's heap before and after 1000 full flows.
// The emulator runs in this process (so its memory can be read); Mailpit runs as a child process.
import { startEmulator } from '../emulator/index.js';
import { startMailpit } from './mailpit.js';
import { runSuite, STOREFRONT_PROJECTS, type Target } from './playwright-run.js';

const ADMIN = { username: 'exampleuser', password: 'examplepassword123' };
const runId = Date.now().toString(36);
let serial = 0;

async function call<T>(base: string, method: string, path: string, body?: unknown, bearer?: string): Promise<T> {
  const response = await fetch(`${base}/rest/default/V1/${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

interface MailSummary { ID: string }
async function waitForMail(mailpitUrl: string, email: string, subject: string): Promise<string> {
  const query = encodeURIComponent(`to:"${email}" subject:"${subject}"`);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${mailpitUrl}/api/v1/search?query=${query}`);
    const { messages } = (await response.json()) as { messages: MailSummary[] };
    if (messages[0]) return messages[0].ID;
    await new Promise((resolve) => setTimeout(resolve, 1)); // tight polling: this is the floor
  }
  throw new Error(`no mail to ${email} within 10 s`);
}

async function resetToken(mailpitUrl: string, id: string): Promise<string> {
  const message = (await (await fetch(`${mailpitUrl}/api/v1/message/${id}`)).json()) as { HTML: string };
  const token = /token=([A-Za-z0-9]{32})/.exec(message.HTML)?.[1];
  if (!token) throw new Error('the reset mail has no token');
  return token;
}

/** A customer with the password `Initial-Pass-123`; returns its id. */
async function createCustomer(target: Target, adminToken: string, email: string): Promise<number> {
  const customer = await call<{ id: number }>(target.magentoBaseUrl, 'POST', 'customers', {
    customer: { email, firstname: 'Bench', lastname: 'Flow', website_id: 1 },
    password: 'Initial-Pass-123',
  }, adminToken);
  return customer.id;
}

const requestReset = (target: Target, email: string): Promise<unknown> =>
  call(target.magentoBaseUrl, 'PUT', 'customers/password', { email, template: 'email_reset', websiteId: 1 });

const deleteCustomer = (target: Target, adminToken: string, id: number): Promise<unknown> =>
  call(target.magentoBaseUrl, 'DELETE', `customers/${id}`, undefined, adminToken);

/** One full happy path: create, request, read the mail, reset, sign in, /me, the old password refused, delete. */
async function flow(target: Target, adminToken: string): Promise<void> {
  const email = `bench-${runId}-${++serial}@example.com`;
  const customerId = await createCustomer(target, adminToken, email);
  await requestReset(target, email);
  const mailId = await waitForMail(target.mailpitUrl, email, 'Reset your');
  const token = await resetToken(target.mailpitUrl, mailId);
  await call(target.magentoBaseUrl, 'POST', 'customers/resetPassword', { email, resetToken: token, newPassword: 'Brand-New-Pass-456' });
  const customerToken = await call<string>(target.magentoBaseUrl, 'POST', 'integration/customer/token', { username: email, password: 'Brand-New-Pass-456' });
  await call(target.magentoBaseUrl, 'GET', 'customers/me', undefined, customerToken);
  const old = await fetch(`${target.magentoBaseUrl}/rest/default/V1/integration/customer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: email, password: 'Initial-Pass-123' }),
  });
  if (old.status !== 401) throw new Error(`the old password got HTTP ${old.status}, not 401`);
  await deleteCustomer(target, adminToken, customerId);
  await fetch(`${target.mailpitUrl}/api/v1/search?query=${encodeURIComponent(`to:"${email}"`)}`, { method: 'DELETE' });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const median = (values: number[]): number => percentile([...values].sort((a, b) => a - b), 50);

async function mailLatencies(target: Target, adminToken: string, samples: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const email = `latency-${runId}-${i}@example.com`;
    const customerId = await createCustomer(target, adminToken, email);
    const started = performance.now();
    await requestReset(target, email);
    await waitForMail(target.mailpitUrl, email, 'Reset your');
    latencies.push(performance.now() - started);
    await deleteCustomer(target, adminToken, customerId);
  }
  await fetch(`${target.mailpitUrl}/api/v1/search?query=${encodeURIComponent(`to:"latency-${runId}"`)}`, { method: 'DELETE' });
  return latencies.sort((a, b) => a - b);
}

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function main(): Promise<void> {
  if (!globalThis.gc) throw new Error('run with node --expose-gc (npm run bench does)');
  const mailpit = await startMailpit({ httpPort: 0, smtpPort: 0 });
  const emulator = await startEmulator({
    version: process.env.MAGENTO_VERSION || '2.4.8',
    port: 0,
    mail: { kind: 'smtp', host: '127.0.0.1', port: mailpit.smtpPort },
  });
  try {
    const target = { magentoBaseUrl: emulator.url, mailpitUrl: mailpit.url };
    const adminToken = await call<string>(target.magentoBaseUrl, 'POST', 'integration/admin/token', ADMIN);
    for (let i = 0; i < 5; i++) await flow(target, adminToken); // warm-up

    const floorSamples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await flow(target, adminToken);
      floorSamples.push(performance.now() - started);
    }
    const floor = median(floorSamples);

    // Steady state, like the floor after its warm-up: the happy path as it runs inside a suite run, in a
    // worker that has already run other tests. (--repeat-each alone would not do: each repetition gets a
    // fresh worker process, so every sample would pay Node's and Playwright's first-use costs.)
    const warm = await runSuite(target, ['--workers=1', '--repeat-each=3'], ['suite']);
    const smokeRuns = warm.tests
      .filter((t) => t.title.endsWith('a customer resets a forgotten password through the mailed link') && t.status === 'passed')
      .map((t) => t.durationMs);
    if (smokeRuns.length !== 3) throw new Error('the happy-path test did not pass in all 3 warm runs');
    const happy = median(smokeRuns);

    // Warm as above: the journey file runs after the other storefront files, in the same worker and browser.
    const storefront = await runSuite(target, ['--workers=1'], STOREFRONT_PROJECTS);
    const journey = storefront.tests.find(
      (t) => t.title.endsWith('a shopper resets a forgotten password from the mailed link and signs in with it') && t.status === 'passed',
    );
    if (journey === undefined) throw new Error('the storefront journey test did not pass');

    const whole = await runSuite(target, []);
    const counted = whole.tests.filter((t) => t.status !== 'skipped').length;

    const latencies = await mailLatencies(target, adminToken, 100);

    const heapBefore = heapMb();
    for (let i = 0; i < 1000; i++) await flow(target, adminToken);
    const heapAfter = heapMb();

    const rows: [string, string, string][] = [
      ['floor (bare happy path, median of 20)', `${floor.toFixed(0)} ms`, ''],
      ['suite happy-path test (inside a one-worker suite run, median of 3)', `${happy.toFixed(0)} ms`, ''],
      ['happy path / floor', `${(happy / floor).toFixed(2)}×`, '≤ 2×'],
      ['storefront journey test in Chromium (inside a one-worker storefront run)', `${journey.durationMs.toFixed(0)} ms`, '< 2 s'],
      ['whole suite wall time', `${(whole.wallMs / 1000).toFixed(1)} s (${counted} tests, exit ${whole.exitCode})`, '≤ 20 s, ≥ 40 tests'],
      ['mail latency p50 / p95 (100 requests)', `${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 95).toFixed(0)} ms`, 'p95 ≤ 200 ms'],
      ['emulator heap before → after 1000 flows', `${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} MB (${(heapAfter - heapBefore).toFixed(1)} MB)`, '≤ 50 MB growth'],
    ];
    console.log('\n| measure | value | target |\n|---|---|---|');
    for (const [measure, value, goal] of rows) console.log(`| ${measure} | ${value} | ${goal} |`);
  } finally {
    await emulator.close();
    await mailpit.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
