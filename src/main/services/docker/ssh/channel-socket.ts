import { Duplex } from 'node:stream';
import type { ClientChannel } from 'ssh2';

/** Turns what the remote process wrote to stderr, and its exit code, into the error the request should fail with. */
export type ChannelFailure = (stderr: string, exitCode: number | null) => Error;

const STDERR_KEPT = 4_096;

/**
 * An ssh channel dressed as the socket Node's http client expects (keep-alive, timeouts, ref/unref), so an
 * http.Agent can pool channels like TCP connections. When the remote command ends without ever sending a byte
 * (dial-stdio could not reach the engine, docker is missing…) the socket fails with `failure(stderr, exitCode)`
 * instead of an anonymous "socket hang up".
 */
export class ChannelSocket extends Duplex {
  timeout = 0;
  private receivedData = false;
  private remoteEnded = false;
  private channelClosed = false;
  private settled = false;
  private exitCode: number | null = null;
  private exited = false;
  private stderr = '';
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly channel: ClientChannel,
    private readonly failure?: ChannelFailure,
  ) {
    super({ allowHalfOpen: false });
    channel.on('data', (chunk: Buffer) => {
      this.receivedData = true;
      this.touch();
      if (!this.push(chunk)) channel.pause();
    });
    channel.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
    });
    channel.on('exit', (code: number | null) => {
      this.exited = true;
      this.exitCode = typeof code === 'number' ? code : null;
      this.settle();
    });
    channel.on('end', () => {
      this.remoteEnded = true;
      this.settle();
    });
    channel.on('close', () => {
      this.channelClosed = true;
      this.settle();
    });
    channel.on('error', (error: Error) => this.destroy(error));
  }

  /** Ends the readable side once the remote is done: with the remote's diagnosis when it never answered. */
  private settle(): void {
    if (this.settled || !(this.remoteEnded || this.channelClosed)) return;
    const silentFailure = !this.receivedData && this.failure && (this.exitCode !== 0 || this.stderr !== '');
    if (silentFailure && !this.exited && !this.channelClosed) return; // wait for the exit status
    this.settled = true;
    if (silentFailure && (this.exitCode !== null || this.stderr !== '')) {
      this.destroy(this.failure!(this.stderr, this.exitCode));
      return;
    }
    this.push(null);
  }

  override _read(): void {
    this.channel.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.touch();
    this.channel.write(chunk, encoding, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.channel.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.clearIdleTimer();
    if (!this.channelClosed) this.channel.close();
    callback(error);
  }

  // The parts of net.Socket's API that http.Agent and ClientRequest call.
  setKeepAlive(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  /**
   * Emits 'timeout' after `ms` without traffic, as net.Socket does; 0 turns it off and removes `callback`
   * (Node's http client relies on that to drop its per-request listener).
   */
  setTimeout(ms: number, callback?: () => void): this {
    this.timeout = ms;
    if (callback && ms === 0) this.removeListener('timeout', callback);
    else if (callback) this.once('timeout', callback);
    this.touch();
    return this;
  }

  private touch(): void {
    this.clearIdleTimer();
    if (this.timeout > 0 && !this.destroyed) {
      this.idleTimer = setTimeout(() => this.emit('timeout'), this.timeout);
      this.idleTimer.unref();
    }
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
