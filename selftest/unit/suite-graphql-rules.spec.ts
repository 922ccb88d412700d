import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import { Kind, parse, validate } from 'graphql';
import { expect } from '../../fixtures/expect.js';
import { invalidDocuments, operation } from '../../fixtures/magento-graphql/documents.js';
import { graphqlErrors, type GraphqlCategory } from '../../fixtures/magento-graphql/messages.js';
import { GraphqlAnswers, graphqlStatus } from '../../fixtures/magento-graphql/result.js';
import { sliceSchema } from '../../fixtures/magento-graphql/slice-schema.js';
import { knownRelease, parseRelease } from '../../fixtures/release.js';

// The suite's GraphQL rules held to the exchanges recorded from real Magento, beyond what selftest/contract
// judges (each answer through the suite's zod schemas, each expected message in a recording): every recorded
// document fits the suite's SDL of the slice, every status is the one the suite expects for the category and
// version, and a resolver's error points at the root field, as GraphqlAnswers.refused builds it.

interface Recording {
  readonly case: string;
  readonly magento: string;
  readonly request?: { readonly path: string; readonly body: string };
  readonly response: { readonly status: number; readonly body: string };
}

/** What these rules read of a recorded body (its shape is judged by selftest/contract). */
interface RecordedBody {
  readonly data?: unknown;
  readonly errors?: readonly { readonly locations?: readonly unknown[]; readonly path?: readonly unknown[]; readonly extensions?: { readonly category: GraphqlCategory } }[];
}

const TRANSCRIPTS = path.resolve(import.meta.dirname, '../conformance/transcripts');

function graphqlRecordings(): Recording[] {
  return readdirSync(TRANSCRIPTS, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json') && !path.basename(file).startsWith('_') && !file.endsWith('.mail.json'))
    .map((file) => JSON.parse(readFileSync(path.join(TRANSCRIPTS, file), 'utf8')) as Recording)
    .filter((recording) => recording.request?.path === '/graphql');
}

function rootField(query: string): string {
  const [definition] = parse(query).definitions;
  const [root] = definition?.kind === Kind.OPERATION_DEFINITION ? definition.selectionSet.selections : [];
  if (root?.kind !== Kind.FIELD) throw new Error(`no root field in ${query}`);
  return root.name.value;
}

/** A root field the suite's SDL has (Query or Mutation). */
function inSlice(field: string): boolean {
  return sliceSchema.getQueryType()?.getFields()[field] !== undefined || sliceSchema.getMutationType()?.getFields()[field] !== undefined;
}

// Recordings of operations outside the suite's slice that Magento ran (the hardened store's `createCustomer`)
// are not the suite's to fit; a field Magento refused as unknown stays in, as the rule's other half.
const recordings = graphqlRecordings().filter((recording) => {
  const { query } = JSON.parse(recording.request?.body ?? '') as { query: string };
  return inSlice(rootField(query)) || recording.response.body.includes('Cannot query field');
});

test.describe("the suite's GraphQL rules against the recordings", () => {
  test('there are recordings to check', () => {
    expect(recordings.length).toBeGreaterThan(100);
  });

  for (const recording of recordings) {
    test(`${recording.magento} ${recording.case}`, () => {
      const release = parseRelease(recording.magento);
      if (release === undefined) throw new Error(`${recording.case}: "${recording.magento}" is not a release`);
      const { query } = JSON.parse(recording.request?.body ?? '') as { query: string };
      const valid = validate(sliceSchema, parse(query)).length === 0;
      expect(valid, 'the recorded document fits the suite SDL, unless Magento refused it as invalid').toBe(!recording.response.body.includes('Cannot query field'));

      const body = JSON.parse(recording.response.body) as RecordedBody;
      for (const error of body.errors ?? []) {
        const category = error.extensions?.category;
        expect(recording.response.status, `the status of a ${category ?? 'validation'} error in ${release.name}`).toBe(
          category === undefined ? 200 : graphqlStatus(category, release),
        );
        if (category !== undefined && body.data !== undefined) {
          expect(error.locations, 'a resolver error points at the root field').toHaveLength(1);
          expect(error.path).toStrictEqual([rootField(query)]);
        }
      }
    });
  }

  test('a document that does not fit the slice stops the suite at load with one line naming it', () => {
    expect(() => operation('typo', 'mutation { requestPasswordResetEmail(mail: "a@b.c") }')).toThrow(
      /^GraphQL document typo does not fit the suite's schema of the slice: Unknown argument "mail" on field "Mutation.requestPasswordResetEmail"\. Did you mean "email"\? \(line 1, column 38\)$/,
    );
    expect(() => operation('broken', '{ customer { email }')).toThrow(/^GraphQL document broken does not parse: Syntax Error: Expected Name, found <EOF>\.$/);
    expect(() => operation('two', '{ customer { email } storeConfig { store_code } }')).toThrow('GraphQL document two must be one operation selecting one root field');
  });

  test("the answers the suite expects have the recorded shape, locations computed from the suite's own documents", () => {
    const answers = new GraphqlAnswers(knownRelease('2.4.8'));
    const refusal = answers.refused('requestPasswordResetEmail', graphqlErrors.cannotReset);
    expect(refusal.body.errors?.[0]?.locations).toStrictEqual([{ line: 2, column: 3 }]);
    expect(refusal.body.data).toStrictEqual({ requestPasswordResetEmail: null });
    expect(answers.refused('customer', graphqlErrors.accountLocked).status).toBe(401);
    expect(new GraphqlAnswers(knownRelease('2.4.7')).refused('customer', graphqlErrors.accountLocked).status).toBe(200);
    expect(answers.refused('revokeCustomerToken', graphqlErrors.notAuthorized).status).toBe(403);
    expect(answers.invalid(invalidDocuments.unknownField, 'm').body).toStrictEqual({ errors: [{ message: 'm', locations: [{ line: 1, column: 3 }] }] });
  });
});
