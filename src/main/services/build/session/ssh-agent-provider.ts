/**
 * `moby.sshforward.v1.SSH`: `RUN --mount=type=ssh` reaches the user's ssh agent through the session. Each
 * ForwardAgent stream is one connection to the agent's socket, bytes relayed both ways; CheckAgent says whether an
 * id is known.
 */
import { connect } from 'node:net';
import {
  status,
  type ServerDuplexStream,
  type ServerUnaryCall,
  type sendUnaryData,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';

/** Agent sockets by ssh id (`default` is $SSH_AUTH_SOCK). */
export type SshAgents = Map<string, string>;

const SSH_ID_KEY = 'buildkit.ssh.id';

export function sshAgentProvider(agents: SshAgents): UntypedServiceImplementation {
  return {
    CheckAgent(call: ServerUnaryCall<{ ID: string }, object>, callback: sendUnaryData<object>) {
      const id = call.request.ID || 'default';
      if (agents.has(id)) return callback(null, {});
      callback({ code: status.NOT_FOUND, details: `no ssh agent or keys for id "${id}"` });
    },
    ForwardAgent(call: ServerDuplexStream<{ data: Buffer }, { data: Buffer }>) {
      const id = String(call.metadata.get(SSH_ID_KEY)[0] ?? 'default');
      const socketPath = agents.get(id);
      if (!socketPath) {
        call.emit('error', { code: status.NOT_FOUND, details: `no ssh agent for id "${id}"` });
        return;
      }
      const agent = connect(socketPath);
      agent.on('data', (data: Buffer) => call.write({ data }));
      agent.on('error', () => call.end());
      agent.on('close', () => call.end());
      call.on('data', (message: { data: Buffer }) => agent.write(message.data));
      call.on('end', () => agent.end());
      call.on('cancelled', () => agent.destroy());
      call.on('error', () => agent.destroy());
    },
  };
}
