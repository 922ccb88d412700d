import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import { Kind, parse, validate } from 'graphql';
import { expect } from '../../fixtures/expect.js';
import { invalidDocuments, operation, operations, type OperationName } from '../../fixtures/magento-graphql/documents.js';
import { graphqlErrors, graphqlValidationErrors, type GraphqlErrorSpec } from '../../fixtures/magento-graphql/messages.js';
import { GRAPHQL_CONTENT_TYPE, GraphqlAnswers, graphqlStatus } from '../../fixtures/magento-graphql/result.js';
import { errorsOnlyBody, graphqlBody, payloads } from '../../fixtures/magento-graphql/schemas.js';
import { sliceSchema } from '../../fixtures/magento-graphql/slice-schema.js';

// The suite's GraphQL contract held to the exchanges recorded from real Magento: every recorded /graphql
// answer parses with the suite's zod schemas, every message is in its catalogue with the same category,
// every status is the one the suite expects for the version, and every recorded document fits its SDL.

interface Recording {
  readonly case: string;
  readonly magento: string;
  readonly request?: { readonly path: string; readonly body: string };
  readonly response: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string };
}

const TRANSCRIPTS = path.resolve(import.meta.dirname, '../conformance/transcripts');

function graphqlRecordings(): Recording[] {
  return readdirSync(TRANSCRIPTS, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json') && !path.basename(file).startsWith('_') && !file.endsWith('.mail.json'))
    .map((file) => JSON.parse(readFileSync(path.join(TRANSCRIPTS, file), 'utf8')) as Recording)
    .filter((recording) => recording.request?.path === '/graphql');
}

/** The catalogue, with the stock policy filled in (minimum 8, maximum 256, 3 classes). */
const catalogue: readonly GraphqlErrorSpec[] = [
  ...Object.values(graphqlErrors).filter((entry) => typeof entry !== 'function'),
  graphqlErrors.passwordTooLong(256),
  graphqlErrors.passwordTooShort(8),
  graphqlErrors.passwordClasses(3),
  ...['email', 'password', 'currentPassword', 'newPassword'].map(graphqlErrors.specify),
];

function rootField(query: string): string {
  const [definition] = parse(query).definitions;
  const [root] = definition?.kind === Kind.OPERATION_DEFINITION ? definition.selectionSet.selections : [];
  if (root?.kind !== Kind.FIELD) throw new Error(`no root field in ${query}`);
  return root.name.value;
}

const isOperation = (field: string): field is OperationName => Object.hasOwn(operations, field);

const recordings = graphqlRecordings();

test.describe("the suite's GraphQL contract against the recordings", () => {
  test('there are recordings to check', () => {
    expect(recordings.length).toBeGreaterThan(100);
  });

  for (const recording of recordings) {
    test(`${recording.magento} ${recording.case}`, () => {
      const version = recording.magento.startsWith('2.4.7') ? '2.4.7' : '2.4.8';
      const { query } = JSON.parse(recording.request?.body ?? "") as { query: string };
      const field = rootField(query);
      const valid = validate(sliceSchema, parse(query)).length === 0;
      expect(valid, 'the recorded document fits the suite SDL, unless Magento refused it as invalid').toBe(!recording.response.body.includes('Cannot query field'));
      expect(recording.response.headers['content-type']).toBe(GRAPHQL_CONTENT_TYPE);

      const json: unknown = JSON.parse(recording.response.body);
      const hasData = typeof json === 'object' && json !== null && 'data' in json;
      const body = hasData && isOperation(field) ? graphqlBody<unknown>(field, payloads[field]).parse(json) : errorsOnlyBody.parse(json);
      for (const error of body.errors ?? []) {
        const category = error.extensions?.category;
        if (category === undefined) {
          expect(error.message).toBe(graphqlValidationErrors.unknownField('noSuchField', 'Query'));
          expect(recording.response.status).toBe(200);
          continue;
        }
        expect(catalogue, 'the message and its category are in the catalogue').toContainEqual({ message: error.message, category });
        expect(recording.response.status).toBe(graphqlStatus(category, version));
        if (hasData && isOperation(field)) {
          expect(error.locations, 'a resolver error points at the root field').toHaveLength(1);
          expect(error.path).toStrictEqual([field]);
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
    const answers = new GraphqlAnswers('2.4.8');
    const refusal = answers.refused('requestPasswordResetEmail', graphqlErrors.cannotReset);
    expect(refusal.body.errors?.[0]?.locations).toStrictEqual([{ line: 2, column: 3 }]);
    expect(refusal.body.data).toStrictEqual({ requestPasswordResetEmail: null });
    expect(answers.refused('customer', graphqlErrors.accountLocked).status).toBe(401);
    expect(new GraphqlAnswers('2.4.7').refused('customer', graphqlErrors.accountLocked).status).toBe(200);
    expect(answers.refused('revokeCustomerToken', graphqlErrors.notAuthorized).status).toBe(403);
    expect(answers.invalid(invalidDocuments.unknownField, 'm').body).toStrictEqual({ errors: [{ message: 'm', locations: [{ line: 1, column: 3 }] }] });
  });
});
