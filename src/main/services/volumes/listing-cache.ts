import type { VolumeEntry } from '@shared/schemas/volumes';

interface CachedListing {
  entries: VolumeEntry[];
  at: number;
}

const MAX_LISTINGS = 4;
const MAX_AGE_MS = 30_000;

/**
 * The last few full listings, so paging through a 100,000-entry directory reads it once: the first page always
 * reads afresh, later pages reuse the listing for up to 30 s. Any change made through Berth clears the tree's entries.
 */
export class ListingCache {
  private readonly listings = new Map<string, CachedListing>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): VolumeEntry[] | null {
    const cached = this.listings.get(key);
    if (!cached || this.now() - cached.at > MAX_AGE_MS) return null;
    return cached.entries;
  }

  set(key: string, entries: VolumeEntry[]): void {
    this.listings.delete(key);
    this.listings.set(key, { entries, at: this.now() });
    while (this.listings.size > MAX_LISTINGS) this.listings.delete(this.listings.keys().next().value!);
  }

  /** Forgets every listing of one volume or bind mount (`prefix` is its target key). */
  clear(prefix: string): void {
    for (const key of [...this.listings.keys()]) if (key.startsWith(`${prefix}\0`)) this.listings.delete(key);
  }
}
