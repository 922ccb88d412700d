// Groups a folder's exchanges into replay sequences: runs of exchanges whose state carries over.
//
// The rule (README.md of this folder explains it with examples):
// - Files with `order` belong to the run whose `_run` file shares their name prefix
//   (`throttle-default-_run.json` → `throttle-default-*`, else `_run.json`) and replay by `order`.
// - Files without `order` were recorded in small separate runs; the run id sits in their
//   variables' e-mail addresses (`fid.w.<run>@example.com`). One sequence per run id, ordered by:
//   1. a case recorded later knows more variables (the recorder's set only grows): fewer first;
//   2. a case that creates a customer before the cases that use it;
//   3. `<x>-then-<…>` after `<x>` and every other `<x>-…` case (`x-throttle-5-then-right-password`);
//   4. `<x>-after-<y>` after the case ending in `-<y>`, and `<x>` itself before that case
//      (`x-welcome-token-validate` < `x-welcome-initiate` < `x-welcome-token-validate-after-initiate`);
//   5. otherwise by name, numbers compared as numbers (`-failed-login-2` < `-failed-login-10`).
import { release } from '../../emulator/model/release.js';
import { exclusionOf } from './excluded.js';
import { customerCreatedBy } from './transcript.js';
import type { MagentoVersion, RecordedExchange, TranscriptFolder, Variables } from './transcript.js';

export type Sequence = {
  /** Names the Playwright test: folder plus what the run is about. */
  name: string;
  folder: string;
  version: MagentoVersion;
  /** The recording runs' ids, as found in their e-mail addresses (`fid.a.<run>@example.com`). */
  recordedRuns: string[];
  exchanges: RecordedExchange[];
  /** Every placeholder the run knew: its `_run` file's and its exchanges' variables. */
  variables: Variables;
  /** `password_reset_protection_type` the run was recorded under (README.md of the transcripts):
   *  2.4.7 kept Magento's default 1, 2.4.8 ran with 0 except the `throttle-default-*` run. */
  protectionType: '0' | '1';
};

const RUN_FILE = /^(.*)_run(-[a-z-]+)?\.json$/;
const RUN_ID_IN_EMAIL = /\.([a-z0-9]{8})@example\.com$/;

/** The folder's replay sequences, without the excluded cases (excluded.ts). */
export function sequencesOf(folder: TranscriptFolder): Sequence[] {
  const replayed = folder.exchanges.filter((e) => exclusionOf(folder.folder, e.case) === undefined);
  const ordered = replayed.filter((e) => e.order !== undefined);
  const unordered = replayed.filter((e) => e.order === undefined);
  // A folder whose every case is excluded leaves its runs empty: nothing to replay.
  return [...orderedRuns(folder, ordered), ...unorderedRuns(folder, unordered)].filter((s) => s.exchanges.length > 0);
}

function orderedRuns(folder: TranscriptFolder, exchanges: RecordedExchange[]): Sequence[] {
  const prefixes = [...new Set([...folder.runs.keys()].map((name) => RUN_FILE.exec(name)?.[1] ?? ''))];
  // Longest prefix first, so `throttle-default-` claims its files before the catch-all ''.
  prefixes.sort((a, b) => b.length - a.length);
  const byPrefix = new Map<string, RecordedExchange[]>(prefixes.map((p) => [p, []]));
  for (const exchange of exchanges) {
    const prefix = prefixes.find((p) => exchange.file.startsWith(p));
    if (prefix === undefined) throw new Error(`${folder.folder}/${exchange.file}: no _run file for it`);
    byPrefix.get(prefix)?.push(exchange);
  }
  return [...byPrefix].map(([prefix, members]) => {
    members.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const runVariables = [...folder.runs]
      .filter(([name]) => (RUN_FILE.exec(name)?.[1] ?? '') === prefix)
      .map(([, variables]) => variables);
    const variables = mergeVariables([...runVariables, ...members.map((m) => m.variables)]);
    return {
      name: `${folder.folder} ${prefix === '' ? 'main' : prefix.replace(/-$/, '')} run (ordered)`,
      folder: folder.folder,
      version: folder.version,
      recordedRuns: runIdsOf(variables, `${folder.folder} ${prefix}_run`),
      exchanges: members,
      variables,
      protectionType: protectionTypeOf(folder.version, prefix),
    };
  });
}

function unorderedRuns(folder: TranscriptFolder, exchanges: RecordedExchange[]): Sequence[] {
  const byRun = new Map<string, RecordedExchange[]>();
  for (const exchange of exchanges) {
    const [run, ...others] = runIdsOf(exchange.variables, `${folder.folder}/${exchange.file}`);
    if (run === undefined || others.length > 0) throw new Error(`${folder.folder}/${exchange.file}: variables of several runs`);
    byRun.set(run, [...(byRun.get(run) ?? []), exchange]);
  }
  return [...byRun].map(([run, members]) => {
    const stems = [...new Set(members.map((m) => m.case.split('-').slice(0, 2).join('-')))];
    return {
      name: `${folder.folder} run ${run} (${stems.join(', ')})`,
      folder: folder.folder,
      version: folder.version,
      recordedRuns: [run],
      exchanges: recordedOrder(members),
      variables: mergeVariables(members.map((m) => m.variables)),
      protectionType: protectionTypeOf(folder.version, ''),
    };
  });
}

const protectionTypeOf = (version: MagentoVersion, runPrefix: string): Sequence['protectionType'] =>
  release(version).line === '2.4.7' || runPrefix === 'throttle-default-' ? '1' : '0';

function runIdsOf(variables: Variables, where: string): string[] {
  const runs = new Set(
    Object.values(variables).flatMap((value) => {
      const match = typeof value === 'string' ? RUN_ID_IN_EMAIL.exec(value) : null;
      return match?.[1] === undefined ? [] : [match[1]];
    }),
  );
  if (runs.size === 0) throw new Error(`${where}: no e-mail address tells which recording run this is`);
  return [...runs];
}

function mergeVariables(sets: Variables[]): Variables {
  return Object.assign({}, ...sets) as Variables;
}

const naturalOrder = new Intl.Collator('en', { numeric: true });

/** Orders the cases of one unordered run by the rules at the top of this file. */
export function recordedOrder(exchanges: RecordedExchange[]): RecordedExchange[] {
  const names = exchanges.map((e) => e.case);
  const mustPrecede = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  const precede = (earlier: string, later: string): void => {
    if (earlier !== later) mustPrecede.get(later)?.add(earlier);
  };
  for (const name of names) {
    const then = /^(.+?)-then-/.exec(name);
    if (then?.[1] !== undefined) {
      const base = then[1];
      for (const other of names) if (other === base || (other.startsWith(`${base}-`) && !other.includes('-then-'))) precede(other, name);
    }
    const after = /^(.+)-after-(.+)$/.exec(name);
    if (after?.[1] !== undefined && after[2] !== undefined) {
      const [, base, event] = after;
      for (const other of names.filter((n) => n.endsWith(`-${event}`) && n !== name)) {
        precede(other, name);
        if (names.includes(base)) precede(base, other);
      }
    }
  }
  const rank = (e: RecordedExchange): [number, number, string] => [
    Object.keys(e.variables).length,
    customerCreatedBy(e) === undefined ? 1 : 0,
    e.case,
  ];
  const compare = (a: RecordedExchange, b: RecordedExchange): number => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || naturalOrder.compare(ra[2], rb[2]);
  };
  const result: RecordedExchange[] = [];
  const pending = [...exchanges];
  while (pending.length > 0) {
    const placed = new Set(result.map((e) => e.case));
    const ready = pending.filter((e) => [...(mustPrecede.get(e.case) ?? [])].every((n) => placed.has(n)));
    const next = ready.sort(compare)[0];
    if (next === undefined) throw new Error(`circular order among ${pending.map((e) => e.case).join(', ')}`);
    result.push(next);
    pending.splice(pending.indexOf(next), 1);
  }
  return result;
}
