// Every recorded exchange in the project's copy of the transcripts, whatever folder it sits in.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { exclusionOf } from '../conformance/excluded.js';
import { isHardenedStorefrontCase } from '../conformance/hardened-storefront-cases.js';
import { STOREFRONT_FOLDERS } from '../conformance/storefront-transcript.js';
import { FOLDERS, TRANSCRIPTS_DIR, exchangeSchema } from '../conformance/transcript.js';

/** A recorded storefront page as the recorder summed it up: its forms, their fields and buttons. */
const element = z.record(z.string(), z.unknown());
const pageSummary = z.object({
  main_heading: z.string().nullish(),
  forms: z.array(z.object({
    id: z.string().nullish(),
    class: z.string().nullish(),
    action: z.string().nullish(),
    fields: z.array(element).default([]),
    buttons: z.array(element).default([]),
  })).default([]),
});
export type PageSummary = z.infer<typeof pageSummary>;

/**
 * What the judge reads of an exchange; other fields vary by set. A storefront answer also keeps its
 * redirect and cookies (`set-cookie` a list there) and the recorder's page summary.
 */
const judgedExchange = exchangeSchema.pick({ case: true, request: true }).extend({
  response: exchangeSchema.shape.response.extend({
    headers: exchangeSchema.shape.response.shape.headers.extend({
      location: z.string().nullish(),
      'set-cookie': z.union([z.string(), z.array(z.string())]).nullish(),
    }),
  }),
  /** Where some sets keep the headers they did not judge, a redirect's Location among them. */
  other_response_headers: z.record(z.string(), z.unknown()).optional(),
  summary: pageSummary.optional(),
  /** The hardened store's storefront posts: the messages the redirect target showed. */
  mage_messages_after_redirect: z.array(z.array(z.object({ type: z.string(), text: z.string() }))).nullish(),
});
export type Exchange = z.infer<typeof judgedExchange>;

export interface RecordedCase {
  readonly folder: string;
  readonly name: string;
  readonly exchange: Exchange;
  /** Replayed against the emulator: its folder is in the replay's FOLDERS and the case not in excluded.ts, or a hardened storefront case. */
  readonly replayed: boolean;
}

/** `<folder>/<case>`, how cases are named in output, annotations and exclusions. */
export const caseKey = (recorded: Pick<RecordedCase, 'folder' | 'name'>): string => `${recorded.folder}/${recorded.name}`;

// the REST/GraphQL replay's folders and the storefront replay's
const replayedFolders: ReadonlySet<string> = new Set([...FOLDERS, ...STOREFRONT_FOLDERS].map(({ folder }) => folder));

/** A storefront page may be kept beside its exchange (`"body": null, "body_file": "<case>.html"`). */
function withBodyFile(raw: { response: unknown }, dir: string): unknown {
  const response = raw.response as { body?: unknown; body_file?: unknown } | null;
  if (response?.body !== null || typeof response.body_file !== 'string') return raw;
  return { ...raw, response: { ...response, body: readFileSync(join(dir, response.body_file), 'utf8') } };
}

/**
 * Each folder's exchanges: every `*.json` with a request and a response. Run files (`_*.json`), parsed
 * mails (`*.mail.json`) and other records (a storefront `browser-run.json`) are not exchanges.
 */
export function loadRecordings(): RecordedCase[] {
  const folders = readdirSync(TRANSCRIPTS_DIR)
    .filter((name) => statSync(join(TRANSCRIPTS_DIR, name)).isDirectory())
    .sort();
  return folders.flatMap((folder) => {
    const dir = join(TRANSCRIPTS_DIR, folder);
    const files = readdirSync(dir).filter((name) => name.endsWith('.json') && !name.startsWith('_') && !name.includes('_run'));
    return files
      .filter((name) => !name.endsWith('.mail.json'))
      .sort()
      .flatMap((name): RecordedCase[] => {
        const raw: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
        if (typeof raw !== 'object' || raw === null || !('request' in raw && 'response' in raw)) return [];
        const parsed = judgedExchange.safeParse(withBodyFile(raw, dir));
        if (!parsed.success) throw new Error(`${folder}/${name}: not an exchange: ${z.prettifyError(parsed.error)}`);
        const exchange = parsed.data;
        const replayed = (replayedFolders.has(folder) && exclusionOf(folder, exchange.case) === undefined) || isHardenedStorefrontCase(folder, exchange.case);
        return [{ folder, name: exchange.case, exchange, replayed }];
      });
  });
}
