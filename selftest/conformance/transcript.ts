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
});

const runSchema = z.object({ magento: z.string(), run: z.string().optional(), variables: variablesSchema });

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
      runs.set(name, parse(runSchema, readJson(path), where).variables);
    } else if (name.endsWith('.eml')) {
      mails.push({ case: name.slice(0, -'.eml'.length), eml: readFileSync(path, 'utf8') });
    } else if (name.endsWith('.json') && !name.endsWith('.mail.json')) {
      exchanges.push({ ...parse(exchangeSchema, readJson(path), where), file: name, folder });
    }
  }
  return { folder, version, exchanges, mails, runs };
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${where}: not a transcript file: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** The e-mail a create-customer request registers, when the exchange is one. */
export function customerCreatedBy(exchange: RecordedExchange): string | undefined {
  const { method, path, body } = exchange.request;
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
