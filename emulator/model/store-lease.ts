// The suite's reader-writer lease on the store (what the Docker path keeps in a suite_store_lease table):
// runs sharing one store hold it shared while their parallel tests run and exclusively while they change
// store-wide configuration. Writers are preferred: a shared request waits while any other run holds or
// waits for the exclusive lease, so writers don't starve. Every entry, held or waiting, ends at its expiry
// unless renewed, so a crashed run's lease goes away by itself.

export type LeaseMode = 'shared' | 'exclusive';

interface LeaseEntry {
  mode: LeaseMode;
  granted: boolean;
  /** When it was granted, or, while waiting, when it was first asked for (the writers' queue order). */
  since: Date;
  expires: Date;
}

/** Another run's entry, as a refused request reports it. */
export interface LeaseHolder {
  readonly runId: string;
  readonly mode: LeaseMode;
  readonly since: string;
  readonly waiting: boolean;
}

export type LeaseAnswer = { readonly granted: true } | { readonly granted: false; readonly heldBy: readonly LeaseHolder[] };

export class StoreLease {
  private readonly entries = new Map<string, LeaseEntry>();

  /**
   * Grants `mode` to `runId` or says who is in the way. Asking again is how a waiter keeps its place. A run's
   * shared lease is given up when it asks for the exclusive one (two runs upgrading at once would deadlock);
   * an exclusive holder asking for shared is a downgrade, always granted.
   */
  acquire(runId: string, mode: LeaseMode, ttlSeconds: number, now: Date): LeaseAnswer {
    this.prune(now);
    const expires = new Date(now.getTime() + ttlSeconds * 1000);
    const own = this.entries.get(runId);
    const others = [...this.entries].filter(([id]) => id !== runId);
    if (mode === 'shared') {
      const writers = others.filter(([, entry]) => entry.mode === 'exclusive');
      if (own?.granted !== true && writers.length > 0) return refused(writers);
      this.entries.set(runId, { mode, granted: true, since: own?.granted === true ? own.since : now, expires });
      return { granted: true };
    }
    const entry: LeaseEntry =
      own?.mode === 'exclusive' ? { ...own, expires } : { mode, granted: false, since: now, expires };
    this.entries.set(runId, entry);
    if (entry.granted) return { granted: true };
    const blockers = others.filter(([id, other]) => other.granted || (other.mode === 'exclusive' && queuedBefore([id, other], [runId, entry])));
    if (blockers.length > 0) return refused(blockers);
    this.entries.set(runId, { ...entry, granted: true, since: now });
    return { granted: true };
  }

  /** Moves the expiry of whatever the run holds or waits for; false when it has nothing (it expired). */
  renew(runId: string, ttlSeconds: number, now: Date): boolean {
    this.prune(now);
    const entry = this.entries.get(runId);
    if (entry === undefined) return false;
    entry.expires = new Date(now.getTime() + ttlSeconds * 1000);
    return true;
  }

  release(runId: string): boolean {
    return this.entries.delete(runId);
  }

  private prune(now: Date): void {
    for (const [id, entry] of this.entries) if (entry.expires <= now) this.entries.delete(id);
  }
}

function queuedBefore([idA, a]: readonly [string, LeaseEntry], [idB, b]: readonly [string, LeaseEntry]): boolean {
  return a.since < b.since || (a.since.getTime() === b.since.getTime() && idA < idB);
}

function refused(entries: readonly (readonly [string, LeaseEntry])[]): LeaseAnswer {
  return {
    granted: false,
    heldBy: entries.map(([runId, { mode, since, granted }]) => ({ runId, mode, since: since.toISOString(), waiting: !granted })),
  };
}
