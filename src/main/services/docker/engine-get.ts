import { request, type Agent, type RequestOptions } from 'node:http';
import { stringify } from 'node:querystring';
import { addAbortSignal } from 'node:stream';

/** Where Engine API requests go: the client's agent dials (unix socket, TLS, ssh channel), as for dockerode. */
export interface EngineTransport {
  agent: Agent;
  /** The unix socket (Node's own dialing uses it); for dialed transports only part of the agent's pool key. */
  socketPath: string;
}

/** An endpoint's answers other than success, worded as dockerode words them (`(HTTP code 404) no such container`). */
export type StatusReasons = Record<number, string>;

export interface EngineGetOptions {
  query?: Record<string, unknown>;
  abortSignal?: AbortSignal;
}

/** The error dockerode gives for a status it doesn't expect: callers test `statusCode`, and read `json`. */
export interface EngineStatusError extends Error {
  statusCode: number;
  reason: string | undefined;
  json: unknown;
}

/**
 * One GET of the Engine API: the parsed JSON body (the raw bytes when it isn't JSON, as dockerode gives `/_ping`'s
 * "OK"), or the error dockerode would raise. Objects in the query are sent as JSON (`filters`), as dockerode does.
 */
export function engineGet<T>(
  transport: EngineTransport,
  path: string,
  reasons: StatusReasons,
  options: EngineGetOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const requestOptions: RequestOptions = {
      agent: transport.agent,
      socketPath: transport.socketPath,
      path: withQuery(path, options.query),
      method: 'GET',
      signal: options.abortSignal,
    };
    const req = request(requestOptions, (res) => {
      if (options.abortSignal) addAbortSignal(options.abortSignal, res);
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const parsed = parseJson(body);
        const status = res.statusCode ?? 0;
        if (status === 200) resolve((parsed ?? body) as T);
        else reject(statusError(status, reasons[status], parsed ?? body.toString()));
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function withQuery(path: string, query: Record<string, unknown> | undefined): string {
  if (!query) return path;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || key === 'abortSignal') continue;
    values[key] = value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  const text = stringify(values);
  return text ? `${path}?${text}` : path;
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString()) as unknown;
  } catch {
    return undefined;
  }
}

function statusError(statusCode: number, reason: string | undefined, json: unknown): EngineStatusError {
  const cause = typeof json === 'object' && json !== null && 'message' in json ? String(json.message) : String(json);
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason ?? 'unexpected'} - ${cause} `), {
    statusCode,
    reason,
    json,
  });
}
