/** RFC 5322 date in UTC, as both mailers write it: `Fri, 27 Nov 2026 05:35:09 +0000`. */
export function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}
