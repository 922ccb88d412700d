// `npm run test:secrets`: no secret of a run reaches any file it wrote, packed or not.
// Runs a CI-mode subset (CI=1: HTML, JUnit, blob and Allure reports) with --trace=on against the
// embedded stack, with SUITE_SECRETS_FILE naming a temp file (outside every artifact) where the suite
// notes each secret it used: admin credentials and token, customer passwords, reset tokens, JWTs.
// Then it reads every artifact and the console output, unpacking zips (traces, blob reports, the HTML
// report's embedded data) and base64 blobs, and fails naming each file that holds a secret.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Everything a CI-mode run writes (playwright.config.ts, and Playwright's own output folder). */
const ARTIFACT_DIRS = ['playwright-report', 'blob-report', 'allure-results', 'reports', 'test-results'];
/** Every kind of secret: sign-in tokens, reset tokens, old and new passwords, the admin's. */
const SUBSET = ['tests/reset-flow.spec.ts', 'tests/login-after-reset.spec.ts', 'tests/initiate.spec.ts', 'tests/validate-token.spec.ts'];

/** The entries of a zip archive (stored or deflated; what Playwright and its reporters write). */
function* zipEntries(zip: Buffer): Generator<{ name: string; data: Buffer }> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) return;
  let entry = zip.readUInt32LE(end + 16);
  for (let i = 0, count = zip.readUInt16LE(end + 10); i < count; i++) {
    const method = zip.readUInt16LE(entry + 10);
    const size = zip.readUInt32LE(entry + 20);
    const nameLength = zip.readUInt16LE(entry + 28);
    const local = zip.readUInt32LE(entry + 42);
    const name = zip.toString('utf8', entry + 46, entry + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(start, start + size);
    yield { name, data: method === 8 ? inflateRawSync(packed) : packed };
    entry += 46 + nameLength + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
  }
}

const isZip = (data: Buffer) => data.length > 4 && data.readUInt32LE(0) === 0x04034b50;
const BASE64_BLOB = /[A-Za-z0-9+/]{64,}={0,2}/g;

/** The ways a secret can be written into a file: as is, JSON-escaped, URL-encoded. */
const spellings = (secret: string) => [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])];

/** Adds to `leaks` every `where` in `data` (unpacked as deep as it goes) that holds one of `secrets`. */
function scan(data: Buffer, where: string, secrets: readonly string[], leaks: Set<string>, depth = 0): void {
  if (depth > 4) return;
  if (isZip(data)) {
    for (const entry of zipEntries(data)) scan(entry.data, `${where} › ${entry.name}`, secrets, leaks, depth + 1);
    return;
  }
  const text = data.toString('utf8');
  for (const secret of secrets) {
    if (spellings(secret).some((spelling) => text.includes(spelling))) leaks.add(`${where}: holds ${describe(secret)}`);
  }
  for (const blob of text.match(BASE64_BLOB) ?? []) scan(Buffer.from(blob, 'base64'), `${where} › base64`, secrets, leaks, depth + 1);
}

/** A secret as the failure may show it: its kind and length, never the value. */
function describe(secret: string): string {
  const kind = /^eyJ/.test(secret) ? 'a JWT' : /^[A-Za-z0-9]{32}$/.test(secret) ? 'a reset token' : 'a password or credential';
  return `${kind} (${secret.length} characters)`;
}

function* files(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yield* files(file);
    else yield file;
  }
}

async function main(): Promise<void> {
  const secretsDir = mkdtempSync(path.join(tmpdir(), 'suite-secrets-'));
  const secretsFile = path.join(secretsDir, 'secrets.jsonl');
  for (const dir of ARTIFACT_DIRS) rmSync(path.join(projectRoot, dir), { recursive: true, force: true });
  let console = '';
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const run = spawn(path.join(projectRoot, 'node_modules', '.bin', 'playwright'), ['test', ...SUBSET, '--project=suite', '--trace=on'], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '1', MAGENTO_BASE_URL: '', MAILPIT_URL: '', SUITE_SECRETS_FILE: secretsFile, FORCE_COLOR: '0' },
    });
    run.stdout.on('data', (chunk: Buffer) => (console += chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => (console += chunk.toString()));
    run.once('error', reject);
    run.once('exit', resolve);
  });
  const secrets = existsSync(secretsFile)
    ? [...new Set(readFileSync(secretsFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as string))]
    : [];
  rmSync(secretsDir, { recursive: true, force: true });

  const leaks = new Set<string>();
  scan(Buffer.from(console), 'the console', secrets, leaks);
  let scanned = 0;
  for (const dir of ARTIFACT_DIRS) {
    for (const file of files(path.join(projectRoot, dir))) {
      scanned++;
      scan(readFileSync(file), path.relative(projectRoot, file), secrets, leaks);
    }
  }

  const problems = [...leaks];
  if (exitCode !== 0) problems.unshift(`the run itself failed (exit ${exitCode}):\n${console.split('\n').slice(-15).join('\n')}`);
  if (secrets.length < 10) problems.unshift(`only ${secrets.length} secrets were noted: SUITE_SECRETS_FILE is not wired up`);
  if (scanned < 10) problems.unshift(`only ${scanned} artifact files were written: CI reporters or traces are off`);
  if (problems.length > 0) {
    process.stdout.write(`FAIL secrets in artifacts (${secrets.length} secrets, ${scanned} files):\n  - ${problems.join('\n  - ')}\n`);
    process.exit(1);
  }
  process.stdout.write(`ok   none of the run's ${secrets.length} secrets is in the console or in any of its ${scanned} artifact files (zips and base64 unpacked)\n`);
}

await main();
