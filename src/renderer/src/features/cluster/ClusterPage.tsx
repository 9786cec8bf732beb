/** Swarm stacks and Kubernetes export (being built). */
export function ClusterPage() {
  return (
    <section className="page">
      <h1>Swarm stacks and Kubernetes export</h1>
    </section>
  );
}
