// The cases the replay does not send, each with why. Keys are case names; a trailing `*` matches
// a name prefix; a `<folder>/` prefix limits a key to one folder.

export const EXCLUDED: ReadonlyMap<string, string> = new Map([
  // hardened store (HARDENED.md): what another replay sends
  ['2.4.8-hardened/sf-*', 'storefront pages and form posts, not REST: hardened-storefront-replay.spec.ts replays them'],
]);

/** The key of EXCLUDED that excludes a case, or undefined when the case is replayed. */
export function exclusionOf(folder: string, caseName: string): string | undefined {
  return [...EXCLUDED.keys()].find((key) => {
    const [scope, pattern = ''] = key.includes('/') ? key.split('/', 2) : [folder, key];
    const matches = pattern.endsWith('*') ? caseName.startsWith(pattern.slice(0, -1)) : caseName === pattern;
    return scope === folder && matches;
  });
}
