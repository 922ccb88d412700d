// The cases the replay does not send, each with why. Keys are case names; a trailing `*` matches
// a name prefix; a `<folder>/` prefix limits a key to one folder.

export const EXCLUDED: ReadonlyMap<string, string> = new Map([
  // hardened store (HARDENED.md): what no front of the emulator answers as recorded
  ['2.4.8-hardened/sf-*', 'the storefront form under reCAPTCHA: the byte-for-byte replay cannot compare pages (the storefront replay reads only the *-storefront folders), and the storefront front does not model reCAPTCHA yet'],
]);

/** The key of EXCLUDED that excludes a case, or undefined when the case is replayed. */
export function exclusionOf(folder: string, caseName: string): string | undefined {
  return [...EXCLUDED.keys()].find((key) => {
    const [scope, pattern = ''] = key.includes('/') ? key.split('/', 2) : [folder, key];
    const matches = pattern.endsWith('*') ? caseName.startsWith(pattern.slice(0, -1)) : caseName === pattern;
    return scope === folder && matches;
  });
}
