/** Product name and the privacy promise, which is the first thing a cautious analyst looks for. */
export function Header() {
  return (
    <header className="app-header">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={32} height={32} />
        <div>
          <h1>Fincrime Synth</h1>
          <p className="tagline">Synthetic financial-crime data with labelled ground truth</p>
        </div>
      </div>
      <p className="privacy-note">
        <span className="privacy-dot" aria-hidden="true" />
        Runs entirely in your browser; nothing leaves this machine.
      </p>
    </header>
  )
}
