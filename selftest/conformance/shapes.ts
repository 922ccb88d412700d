// Values that differ on every run, compared by shape: each is rewritten to a description of its
// shape, the same way in the recorded and the actual body, and the results compared byte for byte.

const JWT_BODY = /"([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)"/g;

/** Header (exact), claim names and types, and the user-type claim's value (2 admin, 3 customer). */
function describeJwt(header: string, payload: string, signature: string): string {
  const decode = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  try {
    const claims = decode(payload);
    if (typeof claims !== 'object' || claims === null || signature.length === 0) return '<JWT: payload not an object>';
    const shape = Object.entries(claims)
      .map(([name, value]) => `${name}:${typeof value}${name === 'utypid' ? `=${String(value)}` : ''}`)
      .join(',');
    return `"<JWT header=${JSON.stringify(decode(header))} claims={${shape}}>"`;
  } catch {
    return '<JWT: not base64url JSON>';
  }
}

const SHAPES: readonly [RegExp, string | ((...groups: string[]) => string)][] = [
  [JWT_BODY, (_whole, header = '', payload = '', signature = '') => describeJwt(header, payload, signature)],
  [/"(created_at|updated_at)":"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"/g, '"$1":"<YYYY-MM-DD HH:MM:SS>"'],
  [/Report ID: webapi-[0-9a-f]+/g, 'Report ID: webapi-<uniqid>'],
  // Google provider configure: a fresh secret and its QR code on every run.
  [/"qr_code_base64":"iVBORw0KGgo[A-Za-z0-9+\\/=]*"/g, '"qr_code_base64":"<base64 PNG>"'],
  [/"secret_code":"[A-Z2-7]+"/g, '"secret_code":"<base32>"'],
  [/Error log record number: [0-9a-f]{64}/g, 'Error log record number: <sha256>'],
  // The error page's base href is the store URL, HTML-escaped; only its tail is fixed.
  [/<base href="http&#x3A;&#x2F;&#x2F;[^"]*?&#x2F;errors&#x2F;default&#x2F;" \/>/g, '<base href="<store>&#x2F;errors&#x2F;default&#x2F;" />'],
];

export function byShape(body: string): string {
  return SHAPES.reduce(
    (out, [pattern, replacement]) =>
      typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement),
    body,
  );
}

/** A JWT body (`"eyJ…"`) as the bare token, for learning bearer tokens. */
export function jwtOf(body: string): string | undefined {
  return /^"(eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)"$/.exec(body)?.[1];
}
