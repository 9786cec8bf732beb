/**
 * The state palette as names: green ok (running, healthy), amber warn (restarting, crash loop, starting), red bad
 * (failed, OOM, unhealthy), grey idle (stopped, completed, not created), blue info (in progress), grey unknown.
 */
export type Tone = 'ok' | 'warn' | 'bad' | 'idle' | 'info' | 'unknown';
