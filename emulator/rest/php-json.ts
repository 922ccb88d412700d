// PHP `json_encode` with Magento's flags: compact, `/` escaped as `\/`, every non-ASCII
// UTF-16 unit as a lower-case `\uXXXX` (F/Serialize/Serializer/Json.php uses no JSON_UNESCAPED_* flag).

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function encodeString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i += 1) {
    const char = value.charAt(i);
    const code = value.charCodeAt(i);
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/** A value as PHP's json_encode writes it (arrays as lists, plain objects as objects). */
export function phpJsonEncode(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return encodeString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(phpJsonEncode).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value).map(([key, item]) => `${encodeString(key)}:${phpJsonEncode(item)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`cannot encode a ${typeof value} as JSON`);
}
