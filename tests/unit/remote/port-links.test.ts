import { describe, expect, it } from 'vitest';
import { portLinkRoute } from '../../../src/main/services/remote/port-links';

describe('portLinkRoute', () => {
  it('tunnels an ssh engine, naming the host as its address does (an ~/.ssh/config alias included)', () => {
    expect(portLinkRoute({ kind: 'ssh', address: 'ssh://ada@gpu-box:2222', local: false })).toEqual({
      kind: 'tunnel',
      hostLabel: 'gpu-box',
    });
    expect(portLinkRoute({ kind: 'ssh', address: 'ssh://lab', local: false })).toEqual({
      kind: 'tunnel',
      hostLabel: 'lab',
    });
  });

  it("points a remote tcp engine's links at its host, and local engines' at localhost", () => {
    expect(portLinkRoute({ kind: 'tcp', address: 'tcp://10.0.0.7:2376', local: false })).toEqual({
      kind: 'direct',
      host: '10.0.0.7',
    });
    expect(portLinkRoute({ kind: 'tcp', address: 'tcp://127.0.0.1:2375', local: true })).toEqual({
      kind: 'direct',
      host: 'localhost',
    });
    expect(portLinkRoute({ kind: 'unix', address: 'unix:///var/run/docker.sock', local: true })).toEqual({
      kind: 'direct',
      host: 'localhost',
    });
  });
});
