/** Images, build cache and disk use (being built). */
export function DiskPage() {
  return (
    <section className="page">
      <h1>Images, build cache and disk use</h1>
    </section>
  );
}
