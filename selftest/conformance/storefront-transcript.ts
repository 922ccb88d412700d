// The storefront recordings (transcripts/2.4.*-storefront, STOREFRONT.md of the shared recordings):
// the REST exchange format plus Location, Set-Cookie, the decoded `mage-messages` and page summaries.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const TRANSCRIPTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'transcripts');

export const STOREFRONT_FOLDERS = [
  { folder: '2.4.7-storefront', version: '2.4.7' },
  { folder: '2.4.8-storefront', version: '2.4.8' },
] as const;

const messagesSchema = z.array(z.object({ type: z.string(), text: z.string() })).nullable();

const tokenRowSchema = z.object({ rp_token: z.string().nullable(), rp_token_created_at: z.string().nullable() });

const exchangeSchema = z.object({
  case: z.string().min(1),
  order: z.number().int().positive(),
  request: z.object({
    method: z.enum(['GET', 'POST']),
    path: z.string().startsWith('/'),
    headers: z.record(z.string(), z.string()),
    body: z.string(),
  }),
  response: z.object({
    status: z.number().int(),
    headers: z.object({
      'content-type': z.string(),
      location: z.string().nullish(),
      'set-cookie': z.array(z.string()).optional(),
    }),
    body: z.string(),
  }),
  mage_messages: messagesSchema,
  summary: z.record(z.string(), z.unknown()).optional(),
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  setup: z.string().optional(),
  /** customer_entity's rp_token (encrypted, re-encrypted on every save) around the exchange. */
  db_before: tokenRowSchema.optional(),
  db_after: tokenRowSchema.optional(),
});

export type StorefrontExchange = z.infer<typeof exchangeSchema>;

const runSchema = z.object({
  run: z.string().regex(/^[a-z0-9]+$/),
  variables: z.record(z.string(), z.union([z.string(), z.number()])),
});

export type StorefrontFolder = {
  folder: string;
  version: '2.4.7' | '2.4.8';
  run: z.infer<typeof runSchema>;
  /** In recorded order. */
  exchanges: StorefrontExchange[];
  /** Case → raw `.eml`. */
  mails: ReadonlyMap<string, string>;
};

function parse<T>(schema: z.ZodType<T>, path: string): T {
  const result = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.success) throw new Error(`${path}: not a storefront transcript file: ${z.prettifyError(result.error)}`);
  return result.data;
}

export function loadStorefrontFolder({ folder, version }: (typeof STOREFRONT_FOLDERS)[number]): StorefrontFolder {
  const dir = join(TRANSCRIPTS_DIR, folder);
  const names = readdirSync(dir).sort();
  const exchanges = names
    .filter((name) => name.endsWith('.json') && !name.startsWith('_') && !name.endsWith('.mail.json') && name !== 'browser-run.json')
    .map((name) => parse(exchangeSchema, join(dir, name)))
    .sort((a, b) => a.order - b.order);
  const mails = new Map(
    names.filter((name) => name.endsWith('.eml')).map((name) => [name.slice(0, -'.eml'.length), readFileSync(join(dir, name), 'utf8')]),
  );
  return { folder, version, run: parse(runSchema, join(dir, '_run.json')), exchanges, mails };
}
