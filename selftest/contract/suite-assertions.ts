// Which recorded cases the suite's tests assert: their `transcript` annotations (fixtures/transcript-cases.ts),
// read from `playwright test --list --reporter=json`, so every project's tests count, however they are built.
import { execFileSync } from 'node:child_process';
import { z } from 'zod';
import { caseKey, type RecordedCase } from './recordings.js';

/**
 * The folders a bare case name (no `<folder>/`) stands for: the GA recordings, REST and GraphQL, whose case
 * names are the same in both versions (and the GraphQL ones all start `gql-`, so the two never collide).
 */
// The patch folders replay the GA cases on 2.4.7-p6 and 2.4.8-p1, where the suite runs unchanged.
export const BARE_CASE_FOLDERS: readonly string[] = [
  '2.4.7', '2.4.8', '2.4.7-graphql', '2.4.8-graphql', '2.4.7-p6', '2.4.8-p1', '2.4.7-p6-graphql', '2.4.8-p1-graphql',
];

const annotation = z.object({ type: z.string(), description: z.string().optional() });
type Spec = { title: string; file: string; line: number; tests: { annotations: z.infer<typeof annotation>[] }[] };
type Suite = { specs?: Spec[]; suites?: Suite[] };
const specSchema: z.ZodType<Spec> = z.object({
  title: z.string(),
  file: z.string(),
  line: z.number(),
  tests: z.array(z.object({ annotations: z.array(annotation) })),
});
const suiteSchema: z.ZodType<Suite> = z.lazy(() => z.object({ specs: z.array(specSchema).optional(), suites: z.array(suiteSchema).optional() }));
const listing = z.object({ suites: z.array(suiteSchema), errors: z.array(z.unknown()) });

/** Annotation text → the tests (`file:line title`) carrying it. */
export function listTranscriptAnnotations(): Map<string, Set<string>> {
  const stdout = execFileSync('npx', ['playwright', 'test', '--list', '--reporter=json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
    env: { ...process.env, MAGENTO_BASE_URL: '', MAILPIT_URL: '' },
  });
  const report = listing.parse(JSON.parse(stdout));
  if (report.errors.length > 0) throw new Error(`playwright --list reported errors: ${JSON.stringify(report.errors).slice(0, 500)}`);
  const byAnnotation = new Map<string, Set<string>>();
  const visit = (suite: Suite): void => {
    for (const spec of suite.specs ?? []) {
      for (const { description } of spec.tests.flatMap((test) => test.annotations).filter((a) => a.type === 'transcript')) {
        if (description === undefined) continue;
        const tests = byAnnotation.get(description) ?? new Set<string>();
        byAnnotation.set(description, tests.add(`${spec.file}:${spec.line} ${spec.title}`));
      }
    }
    suite.suites?.forEach(visit);
  };
  report.suites.forEach(visit);
  return byAnnotation;
}

/** The recorded cases an annotation names (none: a typo or a case no longer recorded). */
export function casesNamedBy(description: string, recordings: readonly RecordedCase[]): RecordedCase[] {
  const scoped = description.includes('/');
  const [folderPart, pattern] = scoped ? [description.slice(0, description.lastIndexOf('/')), description.slice(description.lastIndexOf('/') + 1)] : ['', description];
  const folders = scoped ? [folderPart] : BARE_CASE_FOLDERS;
  const matches = (name: string) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);
  return recordings.filter((recorded) => folders.includes(recorded.folder) && matches(recorded.name));
}

/** Case key → the tests asserting it, for every recorded case; and the annotations naming no recorded case. */
export function assertionsOf(recordings: readonly RecordedCase[], annotations: ReadonlyMap<string, ReadonlySet<string>>) {
  const testsByCase = new Map<string, Set<string>>(recordings.map((recorded) => [caseKey(recorded), new Set<string>()]));
  const dangling: string[] = [];
  for (const [description, tests] of annotations) {
    const named = casesNamedBy(description, recordings);
    if (named.length === 0) dangling.push(`${description} (on ${[...tests].join('; ')})`);
    for (const recorded of named) for (const test of tests) testsByCase.get(caseKey(recorded))?.add(test);
  }
  return { testsByCase, dangling };
}
