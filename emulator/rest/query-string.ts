// PHP's reading of a query string into $_GET (parse_str): `a[b]=1` is the nested `{ a: { b: '1' } }`,
// `a[]=1` appends; the service input processor then sees `searchCriteria` as one object.
import type { JsonObject } from '../services/service-input.js';

function place(target: JsonObject, path: readonly string[], value: string): void {
  const [head = '', ...rest] = path;
  const key = head === '' ? String(Object.keys(target).length) : head;
  if (rest.length === 0) {
    target[key] = value;
    return;
  }
  const existing = target[key];
  const child = typeof existing === 'object' && existing !== null ? (existing as JsonObject) : {};
  target[key] = child;
  place(child, rest, value);
}

export function parseQueryString(params: URLSearchParams): JsonObject {
  const data: JsonObject = {};
  for (const [name, value] of params) {
    const match = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(name);
    const path = match?.[1] ? [match[1], ...[...(match[2] ?? '').matchAll(/\[([^\]]*)\]/g)].map((part) => part[1] ?? '')] : [name];
    place(data, path, value);
  }
  return data;
}
