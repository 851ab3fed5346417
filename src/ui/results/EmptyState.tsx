/** Before the first run: what the page does and what to press. */
export function EmptyState() {
  return (
    <section className="card empty-state">
      <h2>Generate a labelled financial-crime dataset</h2>
      <p>
        Pick a starting point on the left or adjust the settings, then press <strong>Generate</strong>. In about a
        second you get a synthetic bank population with crime patterns woven in, and:
      </p>
      <ul>
        <li>a graph of every injected ring against the background, with roles and the records behind each node;</li>
        <li>a one-sentence narrative per pattern instance, the ground truth a detector should find;</li>
        <li>
          the tables as CSV (one zip) or JSON, byte-identical to what the command-line tool writes for the same
          settings.
        </li>
      </ul>
      <p className="muted">
        The same settings and seed always give the same data, so a shared link or config file reproduces a run exactly.
      </p>
    </section>
  )
}
