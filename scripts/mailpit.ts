// Finds or installs the Mailpit binary and runs it on loopback.
// Order: $MAILPIT_BIN, a `mailpit` on PATH, the project-local .tools/bin/mailpit, else `go install` into .tools/bin.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import dotenv from 'dotenv';

const execFileAsync = promisify(execFile);
export const MAILPIT_MODULE = 'github.com/axllent/mailpit@v1.33.1';
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolsBin = path.join(projectRoot, '.tools', 'bin');

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function onPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** Path to a Mailpit binary, installing it with Go on first need. */
export async function ensureMailpit(log: (line: string) => void = () => {}): Promise<string> {
  const fromEnv = process.env.MAILPIT_BIN;
  if (fromEnv) {
    if (await isExecutable(fromEnv)) return fromEnv;
    throw new Error(`MAILPIT_BIN=${fromEnv} is not an executable file: fix the path or unset MAILPIT_BIN`);
  }
  const local = path.join(toolsBin, 'mailpit');
  if (await isExecutable(local)) return local;
  const found = await onPath('mailpit');
  if (found) return found;
  const go = await onPath('go');
  if (!go) {
    throw new Error(
      `Mailpit is not installed and Go is missing: install Go (https://go.dev/dl/) or set MAILPIT_BIN to a mailpit binary`,
    );
  }
  log(
    `installing Mailpit: a one-time build of ${MAILPIT_MODULE} with Go into ${path.relative(process.cwd(), toolsBin) || toolsBin} (1-3 minutes; later runs reuse it) ...`,
  );
  try {
    await execFileAsync(go, ['install', MAILPIT_MODULE], {
      env: { ...process.env, GOBIN: toolsBin, GOFLAGS: '-buildvcs=false' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').pop() ?? String(error);
    throw new Error(`go install ${MAILPIT_MODULE} failed (${stderr}): check the network, or set MAILPIT_BIN to a mailpit binary`, {
      cause: error,
    });
  }
  return local;
}

/** A free TCP port on loopback, chosen by the kernel. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningMailpit {
  url: string;
  smtpPort: number;
  /** Settles when Mailpit exits, with how it exited (for a stack that must not outlive it). */
  exited: Promise<string>;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Mailpit exited during start-up (port taken?) while serving ${url}`);
    try {
      const response = await fetch(`${url}/api/v1/info`);
      if (response.ok) return;
    } catch {
      // not listening yet: poll again shortly
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Mailpit did not answer on ${url} within ${timeoutMs} ms`);
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts Mailpit on loopback (port 0 = a free port) with an in-memory database. */
export async function startMailpit(opts: { httpPort: number; smtpPort: number }): Promise<RunningMailpit> {
  const binary = await ensureMailpit((line) => console.error(line));
  const httpPort = opts.httpPort || (await freePort());
  const smtpPort = opts.smtpPort || (await freePort());
  const child = spawn(
    binary,
    [
      '--listen', `127.0.0.1:${httpPort}`,
      '--smtp', `127.0.0.1:${smtpPort}`,
      '--max', '10000',
      '--disable-version-check',
      '--smtp-disable-rdns',
      '--quiet',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${httpPort}`;
  try {
    await waitForHttp(url, child, 10_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal === null ? `code ${code}` : `signal ${signal}`)),
  );
  return { url, smtpPort, exited, stop: () => stopChild(child) };
}

/** Says in one line what holds `port`, if anything: `npm run stack` must not silently share a taken port. */
export async function assertPortFree(port: number, variable: string): Promise<void> {
  const taken = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
  if (taken) throw new Error(`port ${port} (${variable}) is taken: stop what listens there, or set ${variable} to a free port`);
}

// `tsx scripts/mailpit.ts`: the install step on its own, before Playwright starts (npm's pre-scripts,
// .ci/run), so the one-time build is not counted as test time. With --for-embedded it does nothing
// for a run against MAGENTO_BASE_URL (that run brings its own Mailpit).
const externalRun = () => {
  dotenv.config({ quiet: true });
  return process.argv.includes('--for-embedded') && (process.env.MAGENTO_BASE_URL ?? '') !== '';
};
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]) && !externalRun()) {
  ensureMailpit((line) => console.log(line)).then(
    (binary) => console.log(`mailpit: ${binary}`),
    (error: Error) => {
      console.error(`mailpit: ${error.message}`);
      process.exit(1);
    },
  );
}
