import { readFile } from 'node:fs/promises';
import {
  BaseAgent,
  OpenSSHAgent,
  utils,
  type AuthHandlerMiddleware,
  type IdentityCallback,
  type ParsedKey,
  type SignCallback,
  type SigningRequestOptions,
} from 'ssh2';
import { hostKeyFingerprint } from './host-key';
import type { SshHostSettings } from './ssh-host-config';

/** One identity Berth offered the server, as the auth-failure message lists it. */
export interface OfferedIdentity {
  source: 'agent' | 'file';
  fingerprint: string;
  /** The agent's comment (often the key file or an e-mail), or the key file's path. */
  label: string;
}

export interface AuthPlan {
  authHandler: AuthHandlerMiddleware;
  offered: OfferedIdentity[];
  /** Why an identity could not be offered: no agent, encrypted key file… */
  notes: string[];
}

type Method =
  { type: 'agent'; username: string; agent: BaseAgent } | { type: 'publickey'; username: string; key: ParsedKey };

/**
 * The identities OpenSSH would try, in its order: the agent's keys (only those matching an IdentityFile when
 * IdentitiesOnly is set), then each unencrypted IdentityFile the agent doesn't already hold.
 * `agentSocket` is SSH_AUTH_SOCK unless the config's IdentityAgent says otherwise.
 */
export async function planAuthentication(
  settings: SshHostSettings,
  agentSocket: string | undefined,
): Promise<AuthPlan> {
  const notes: string[] = [];
  const offered: OfferedIdentity[] = [];
  const files = await readIdentityFiles(settings, notes);
  const filePublicKeys = files.map((file) => file.publicKey);

  const methods: Method[] = [];
  const socket = settings.identityAgent === 'none' ? undefined : (settings.identityAgent ?? agentSocket);
  let agentKeys: ParsedKey[] = [];
  if (!socket) {
    notes.push(settings.identityAgent === 'none' ? 'IdentityAgent is none' : 'no ssh-agent (SSH_AUTH_SOCK is not set)');
  } else {
    const agent = new OpenSSHAgent(socket);
    try {
      agentKeys = await listAgentKeys(agent);
    } catch (error) {
      notes.push(`the ssh-agent at ${socket} did not answer (${(error as Error).message})`);
    }
    const usable = settings.identitiesOnly
      ? agentKeys.filter((key) => filePublicKeys.some((blob) => blob.equals(key.getPublicSSH())))
      : agentKeys;
    if (agentKeys.length > 0 && usable.length === 0) notes.push('IdentitiesOnly hides every key of the ssh-agent');
    if (agentKeys.length === 0 && !notes.some((note) => note.includes(socket)))
      notes.push('the ssh-agent holds no keys');
    for (const key of usable) {
      offered.push({ source: 'agent', fingerprint: hostKeyFingerprint(key.getPublicSSH()), label: key.comment || '' });
    }
    if (usable.length > 0)
      methods.push({ type: 'agent', username: settings.user, agent: new FilteredAgent(agent, usable) });
  }
  for (const file of files) {
    if (!file.privateKey) continue;
    if (agentKeys.some((key) => key.getPublicSSH().equals(file.publicKey))) continue;
    offered.push({ source: 'file', fingerprint: hostKeyFingerprint(file.publicKey), label: file.path });
    methods.push({ type: 'publickey', username: settings.user, key: file.privateKey });
  }

  const remaining = [...methods];
  const authHandler: AuthHandlerMiddleware = (_methodsLeft, _partialSuccess, next) => {
    const method = remaining.shift();
    // `false` ends authentication; ssh2 then reports "All configured authentication methods failed".
    (next as (method: unknown) => void)(method ?? false);
  };
  return { authHandler, offered, notes };
}

interface IdentityFile {
  path: string;
  publicKey: Buffer;
  privateKey?: ParsedKey;
}

async function readIdentityFiles(settings: SshHostSettings, notes: string[]): Promise<IdentityFile[]> {
  const found: IdentityFile[] = [];
  for (const path of settings.identityFiles) {
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch {
      if (settings.identityFilesConfigured) notes.push(`${path} does not exist`);
      continue;
    }
    const parsed = utils.parseKey(data);
    const key = Array.isArray(parsed) ? parsed[0] : parsed;
    if (key && !(key instanceof Error)) {
      found.push({ path, publicKey: key.getPublicSSH(), privateKey: key });
      continue;
    }
    // An encrypted key can still name its agent twin through its .pub file.
    const publicKey = await readPublicKey(`${path}.pub`);
    const why =
      key instanceof Error && /encrypt|passphrase/i.test(key.message) ? 'is encrypted' : 'is not a key ssh2 reads';
    notes.push(`${path} ${why}: load it into ssh-agent (ssh-add ${path})`);
    if (publicKey) found.push({ path, publicKey });
  }
  return found;
}

async function readPublicKey(path: string): Promise<Buffer | undefined> {
  try {
    const parsed = utils.parseKey(await readFile(path));
    const key = Array.isArray(parsed) ? parsed[0] : parsed;
    return key && !(key instanceof Error) ? key.getPublicSSH() : undefined;
  } catch {
    return undefined;
  }
}

function listAgentKeys(agent: OpenSSHAgent): Promise<ParsedKey[]> {
  return new Promise((resolve, reject) => {
    agent.getIdentities((error, keys) =>
      error ? reject(error) : resolve((keys ?? []).filter((key): key is ParsedKey => 'getPublicSSH' in key)),
    );
  });
}

/** The agent, offering only the keys Berth decided to offer. */
class FilteredAgent extends BaseAgent {
  constructor(
    private readonly inner: OpenSSHAgent,
    private readonly keys: ParsedKey[],
  ) {
    super();
  }

  getIdentities(callback: IdentityCallback): void {
    callback(null, this.keys);
  }

  sign(
    publicKey: string | Buffer | ParsedKey,
    data: Buffer,
    optionsOrCallback: SigningRequestOptions | SignCallback,
    callback?: SignCallback,
  ): void {
    if (typeof optionsOrCallback === 'function') this.inner.sign(publicKey, data, optionsOrCallback);
    else this.inner.sign(publicKey, data, optionsOrCallback, callback);
  }
}
