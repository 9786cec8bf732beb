import type { ClusterNode } from '@shared/schemas/cluster';
import { Badge } from '../../components/Badge';
import { StatusDot } from '../../components/StatusDot';
import { nodeTone } from './cluster-tones';

function resourcesText(node: ClusterNode): string {
  const parts = [
    node.cpus !== undefined ? `${node.cpus} CPU` : null,
    node.memoryBytes !== undefined ? `${(node.memoryBytes / 2 ** 30).toFixed(1)} GiB` : null,
    ...node.genericResources.map((resource) => `${resource.count} × ${resource.kind}`),
  ];
  return parts.filter(Boolean).join(', ');
}

/** The swarm's nodes: role, availability, state, engine version and resources (GPUs as generic resources). */
export function NodesTable({ nodes }: { nodes: ClusterNode[] }) {
  return (
    <section className="panel" aria-labelledby="cluster-nodes-title">
      <h2 id="cluster-nodes-title">Nodes</h2>
      <div className="table-frame">
        <table className="data-table cluster-nodes" data-testid="cluster-nodes">
          <thead>
            <tr>
              <th>Node</th>
              <th>Role</th>
              <th>Availability</th>
              <th>State</th>
              <th>Engine</th>
              <th>Resources</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((node) => (
              <tr key={node.id} data-testid="cluster-node" data-node={node.hostname}>
                <td>
                  <span className="mono">{node.hostname}</span>
                  {node.self && (
                    <Badge tone="info" title="The engine Berth is connected to">
                      this engine
                    </Badge>
                  )}
                </td>
                <td>{node.leader ? `${node.role} (leader)` : node.role}</td>
                <td>{node.availability}</td>
                <td title={node.message}>
                  <StatusDot tone={nodeTone(node.state, node.availability)} /> {node.state}
                </td>
                <td className="muted">{node.engineVersion ?? '—'}</td>
                <td className="muted">{resourcesText(node) || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
