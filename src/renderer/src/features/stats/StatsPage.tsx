/** Live resource use (being built). */
export function StatsPage() {
  return (
    <section className="page">
      <h1>Live resource use</h1>
    </section>
  );
}
