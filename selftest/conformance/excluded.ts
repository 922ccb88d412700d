// The cases the replay does not send, each with why. Keys are case names; a trailing `*` matches
// a name prefix; a `<folder>/` prefix limits a key to one folder.

export const EXCLUDED: ReadonlyMap<string, string> = new Map<string, string>([]);

/** The key of EXCLUDED that excludes a case, or undefined when the case is replayed. */
export function exclusionOf(folder: string, caseName: string): string | undefined {
  return [...EXCLUDED.keys()].find((key) => {
    const [scope, pattern = ''] = key.includes('/') ? key.split('/', 2) : [folder, key];
    const matches = pattern.endsWith('*') ? caseName.startsWith(pattern.slice(0, -1)) : caseName === pattern;
    return scope === folder && matches;
  });
}
