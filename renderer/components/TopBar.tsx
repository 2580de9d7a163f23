import type { CentreId } from '../app/shell-state';

export interface TopBarProps {
  centres: ReadonlyArray<{ id: CentreId; title: string }>;
  activeCentre: CentreId | null;
  operator: string;
  onSelectCentre: (centre: CentreId) => void;
  onQuit: () => void;
  onLock: () => void;
}

/** The dark bar across the top, as in the seed: the centres, Quit Center, and the operator at the right. */
export function TopBar({ centres, activeCentre, operator, onSelectCentre, onQuit, onLock }: Readonly<TopBarProps>) {
  return (
    <header className="topbar">
      <div className="brand" aria-hidden="true">
        TokenTill
      </div>
      <nav aria-label="Centres" className="centres">
        {centres.map((centre) => (
          <button
            key={centre.id}
            type="button"
            className={centre.id === activeCentre ? 'centre centre-active' : 'centre'}
            aria-current={centre.id === activeCentre ? 'true' : undefined}
            onClick={() => onSelectCentre(centre.id)}
          >
            {centre.title}
          </button>
        ))}
        <button type="button" className="centre" onClick={onQuit} title="Sign out of TokenTill">
          Quit Center
        </button>
      </nav>
      <div className="operator">
        <span className="visually-hidden">Signed in as </span>
        <svg className="operator-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <circle cx="8" cy="5" r="3.2" fill="currentColor" />
          <path d="M1.8 15c0-3.4 2.8-5.6 6.2-5.6s6.2 2.2 6.2 5.6z" fill="currentColor" />
        </svg>
        <span className="operator-name">{operator}</span>
      </div>
      <button type="button" className="topbar-lock" onClick={onLock} title="Lock the screen while you step away">
        Lock
      </button>
    </header>
  );
}
