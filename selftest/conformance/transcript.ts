// The recorded-exchange format of transcripts/README.md, validated with zod, and its loader.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const TRANSCRIPTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'transcripts');

/** Folders replayed here, each with the emulator version it is replayed against. */
export const FOLDERS = [
  { folder: '2.4.7', version: '2.4.7' },
  { folder: '2.4.8', version: '2.4.8' },
  { folder: '2.4.8-config', version: '2.4.8' },
  { folder: '2.4.7-graphql', version: '2.4.7' },
  { folder: '2.4.8-graphql', version: '2.4.8' },
  // A hardened store: 2FA, integration tokens, reCAPTCHA (HARDENED.md).
  { folder: '2.4.8-hardened', version: '2.4.8' },
  // Patch releases (PATCHES.md): the GA cases replayed on each, against an emulator of that patch.
  { folder: '2.4.7-p6', version: '2.4.7-p6' },
  { folder: '2.4.7-p6-graphql', version: '2.4.7-p6' },
  { folder: '2.4.8-p1', version: '2.4.8-p1' },
  { folder: '2.4.8-p1-config', version: '2.4.8-p1' },
  { folder: '2.4.8-p1-graphql', version: '2.4.8-p1' },
] as const;

export type MagentoVersion = (typeof FOLDERS)[number]['version'];

/** Placeholder → recorded value (`<EMAIL_A>` → `fid.a.run@example.com`, `<ID_A>` → 8). */
const variablesSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type Variables = z.infer<typeof variablesSchema>;

export const exchangeSchema = z.object({
  case: z.string().min(1),
  order: z.number().int().positive().optional(),
  magento: z.string(),
  request: z.object({
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
    path: z.string().startsWith('/'),
    headers: z.record(z.string(), z.string()),
    body: z.string().nullish(),
  }),
  response: z.object({
    status: z.number().int(),
    headers: z.object({ 'content-type': z.string() }),
    body: z.string(),
  }),
  other_response_headers: z.record(z.string(), z.string()).optional(),
  variables: variablesSchema.default({}),
  note: z.string().optional(),
  setup: z.string().optional(),
  /** Patch folders: database values read after the request (`customer_entity failures_num first_failure lock_expires` → `3\t<date>\tNULL`). */
  db_after: z.record(z.string(), z.string()).optional(),
  /** Patch folders: the hidden steps the recorder took before the request (`3 failed REST token calls for <email>`). */
  replay: z.array(z.string()).optional(),
});

const runSchema = z.object({ magento: z.string(), run: z.string().optional(), variables: variablesSchema });

/** A patch folder's `_run.json` (PATCHES.md): the GA folder it replayed, and which run and customer ids became which. */
const patchRunSchema = z.object({
  magento: z.string(),
  replayed_from: z.string(),
  run_ids: z.record(z.string(), z.string()),
  customer_ids: z.record(z.string(), z.number()),
});

export type RecordedExchange = z.infer<typeof exchangeSchema> & { file: string; folder: string };

/** A recorded mail: the raw `.eml` (its `.mail.json` only repeats the link found in it). */
export type RecordedMail = { case: string; eml: string };

export type TranscriptFolder = {
  folder: string;
  version: MagentoVersion;
  exchanges: RecordedExchange[];
  mails: RecordedMail[];
  /** Run file name (`_run.json`, `throttle-default-_run.json`, …) → that run's variables. */
  runs: Map<string, Variables>;
};

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

export function loadFolder(folder: string, version: MagentoVersion): TranscriptFolder {
  const dir = join(TRANSCRIPTS_DIR, folder);
  const names = readdirSync(dir).sort();
  const runs = new Map<string, Variables>();
  const exchanges: RecordedExchange[] = [];
  const mails: RecordedMail[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const where = `${folder}/${name}`;
    if (name === '_index.json') continue;
    if (/_run(-[a-z-]+)?\.json$/.test(name)) {
      const run = readJson(path);
      const patch = patchRunSchema.safeParse(run);
      if (patch.success) patchRuns(patch.data, runs);
      else runs.set(name, parse(runSchema, run, where).variables);
    } else if (name.endsWith('.eml')) {
      mails.push({ case: name.slice(0, -'.eml'.length), eml: readFileSync(path, 'utf8') });
    } else if (name.endsWith('.json') && !name.endsWith('.mail.json')) {
      exchanges.push({ ...parse(exchangeSchema, readJson(path), where), file: name, folder });
    }
  }
  return { folder, version, exchanges, mails, runs };
}

/**
 * A patch replay keeps only the mapping to its GA recording: its runs are the GA folder's run files,
 * with each GA run id and customer id swapped for the patch run's (reset tokens come from the mails).
 */
function patchRuns(patch: z.infer<typeof patchRunSchema>, runs: Map<string, Variables>): void {
  const dir = join(TRANSCRIPTS_DIR, patch.replayed_from);
  for (const name of readdirSync(dir).filter((n) => /_run(-[a-z]+)?\.json$/.test(n))) {
    const ga = parse(runSchema, readJson(join(dir, name)), `${patch.replayed_from}/${name}`).variables;
    const mapped = Object.entries(ga).map(([placeholder, value]): [string, string | number] => {
      if (typeof value === 'number') return [placeholder, patch.customer_ids[String(value)] ?? value];
      const swapped = Object.entries(patch.run_ids).reduce((text, [from, to]) => text.replaceAll(`.${from}@`, `.${to}@`), value);
      return [placeholder, swapped];
    });
    runs.set(name, Object.fromEntries(mapped));
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${where}: not a transcript file: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** The e-mail a create-customer request registers (REST, or GraphQL createCustomer(V2) with `$email`), when the exchange is one. */
export function customerCreatedBy(exchange: RecordedExchange): string | undefined {
  const { method, path, body } = exchange.request;
  if (method === 'POST' && path === '/graphql') {
    const { query, variables } = parseObject(body ?? '');
    if (typeof query !== 'string' || !/^\s*mutation\b[^{]*\{\s*createCustomer(?:V2)?\s*\(/.test(query)) return undefined;
    const email = typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>).email : undefined;
    return typeof email === 'string' ? email : undefined;
  }
  if (method !== 'POST' || !/^\/rest\/(?:[a-z]+\/)?V1\/customers$/.test(path)) return undefined;
  const customer = parseObject(body ?? '').customer;
  const email = typeof customer === 'object' && customer !== null ? (customer as Record<string, unknown>).email : undefined;
  return typeof email === 'string' ? email : undefined;
}

/** A JSON object body's fields; `{}` for anything else (malformed JSON is recorded on purpose). */
export function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
