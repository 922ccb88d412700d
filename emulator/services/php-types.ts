// PHP's view of JSON values as the service input processor converts them
// (F/Reflection/TypeProcessor::processSimpleAndAnyType and setType).
import { invalidType } from '../model/magento-errors.js';

// is_numeric: optional surrounding whitespace, sign, digits with an optional fraction, exponent.
const NUMERIC = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

const isList = (value: unknown): boolean => typeof value === 'object' && value !== null;

/** PHP truthiness of a string: '' and '0' are false (`if (!$email)`, `empty($token)`). */
export const phpEmpty = (value: string): boolean => value === '' || value === '0';

/** PHP `(string)` of a decoded JSON scalar. */
function phpString(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '1' : '';
  return String(value);
}

/** A scalar converted to `string`, or the type error Magento answers with. */
export function toPhpString(value: unknown): string {
  if (isList(value)) throw invalidType('array', 'string');
  return phpString(value as string | number | boolean);
}

/** A scalar converted to `int` (only numeric values pass), or the type error. */
export function toPhpInt(value: unknown): number {
  if (isList(value)) throw invalidType('array', 'int');
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'string' && NUMERIC.test(value)) return Math.trunc(Number(value.trim()));
  throw invalidType(phpString(value as string | boolean), 'int');
}
