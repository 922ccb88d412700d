// The service input processor (F/Webapi/ServiceInputProcessor.php, W/Controller/Rest/InputParamsResolver.php):
// body keys are the method's parameter names, camelCase or snake_case; null counts as missing;
// values are converted to the declared type; missing parameters are reported together.
import { requiredFields } from '../model/magento-errors.js';
import { toPhpInt, toPhpString } from './php-types.js';

export type ParamType = 'string' | 'int' | 'object';

export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  /** Has a default value (null) in the PHP signature. */
  readonly optional?: boolean;
}

export type JsonObject = Record<string, unknown>;

export type InputValue = string | number | JsonObject | null;

const snakeCase = (name: string): string => name.replace(/(?<=\w)(?=[A-Z])/g, '_').toLowerCase();

/**
 * A key that repeats an earlier one apart from case or `_` is dropped, so the first spelling wins,
 * on the methods and releases of release.ts `dropsRespelledKeys` (recorded x-initiate-duplicate-key-* cases).
 */
export function dropRespelledKeys(body: JsonObject): JsonObject {
  const seen = new Set<string>();
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    const normalized = key.toLowerCase().replace(/_/g, '');
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    kept[key] = value;
  }
  return kept;
}

function convert(value: unknown, type: ParamType): InputValue {
  if (type === 'string') return toPhpString(value);
  if (type === 'int') return toPhpInt(value);
  // Data objects arrive as JSON objects; their own fields are converted by their model.
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

/**
 * The converted arguments, by parameter name. The camelCase key wins over the snake_case one;
 * a type error stops at once, missing parameters are collected and thrown together.
 */
export function resolveServiceInput(specs: readonly ParamSpec[], input: JsonObject): Record<string, InputValue> {
  const values: Record<string, InputValue> = {};
  const missing: string[] = [];
  for (const spec of specs) {
    const raw = input[spec.name] ?? input[snakeCase(spec.name)];
    if (raw !== undefined && raw !== null) values[spec.name] = convert(raw, spec.type);
    else if (spec.optional) values[spec.name] = null;
    else missing.push(spec.name);
  }
  if (missing.length > 0) throw requiredFields(missing);
  return values;
}
