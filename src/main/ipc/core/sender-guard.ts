/** What the guard needs to know about the frame that sent an IPC message. */
export interface SenderFacts {
  webContentsId: number;
  isMainFrame: boolean;
  url: string;
}

export interface TrustPolicy {
  /** webContents ids of Berth's own windows. */
  trustedWebContentsIds: ReadonlySet<number>;
  /** Origins the UI is served from: `app://berth` in production, the dev server in development. */
  trustedOrigins: ReadonlySet<string>;
}

/** Only Berth's own window, its main frame, on its own origin may call main. */
export function isTrustedSender(sender: SenderFacts, policy: TrustPolicy): boolean {
  if (!policy.trustedWebContentsIds.has(sender.webContentsId)) return false;
  if (!sender.isMainFrame) return false;
  return policy.trustedOrigins.has(originOf(sender.url));
}

export function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    // Custom schemes report an opaque "null" origin; compare scheme + host instead.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'invalid';
  }
}
