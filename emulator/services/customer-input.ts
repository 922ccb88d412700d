// The `customer` data object of POST /V1/customers: keys in snake_case or camelCase (both reach
// the same setter), each converted to its CustomerInterface type; unknown keys are ignored.
import { OPTIONAL_STRING_FIELDS } from '../model/accounts.js';
import { toPhpInt, toPhpString } from './php-types.js';
import type { JsonObject } from './service-input.js';

const STRING_FIELDS = ['email', 'firstname', 'lastname', 'taxvat', ...OPTIONAL_STRING_FIELDS] as const;
const INT_FIELDS = ['group_id', 'store_id', 'website_id', 'gender'] as const;

type StringField = (typeof STRING_FIELDS)[number];
type IntField = (typeof INT_FIELDS)[number];

export type CustomerInput = Partial<Record<StringField, string> & Record<IntField, number>>;

const snakeCase = (key: string): string => key.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '_').toLowerCase();

export function customerInput(data: JsonObject): CustomerInput {
  const input: CustomerInput = {};
  for (const [key, value] of Object.entries(data)) {
    const field = snakeCase(key);
    if (value === null || value === undefined) continue;
    if ((STRING_FIELDS as readonly string[]).includes(field)) input[field as StringField] = toPhpString(value);
    else if ((INT_FIELDS as readonly string[]).includes(field)) input[field as IntField] = toPhpInt(value);
  }
  return input;
}
