/**
 * What `develop.watch` reports while it runs, one update per thing done: files synced into a service's containers,
 * a restart or exec after a sync, a rebuild, and errors (the service keeps running its last good version).
 */
export type WatchAction = 'sync' | 'rebuild' | 'sync+restart' | 'sync+exec';

export type { WatchStatus } from '@shared/schemas/watch';
