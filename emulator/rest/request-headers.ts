// Reading a request header as PHP's getHeader does: one value, the first when Node hands over several.
export const firstHeader = (header: string | readonly string[] | undefined): string | undefined =>
  typeof header === 'string' ? header : header?.[0];
