export interface NavPanelProps {
  centre: { title: string; icon: string } | null;
  screens: ReadonlyArray<{ id: string; title: string; icon: string }>;
  activeTab: string;
  onOpen: (screenId: string) => void;
}

/** The left column: MAIN NAVIGATION, the chosen centre and its screens, as in the seed. */
export function NavPanel({ centre, screens, activeTab, onOpen }: Readonly<NavPanelProps>) {
  return (
    <nav className="sidenav" aria-labelledby="sidenav-title">
      <h2 id="sidenav-title" className="sidenav-title">
        MAIN NAVIGATION
      </h2>
      {centre ? (
        <>
          <h3 className="sidenav-centre">
            <span aria-hidden="true" className="nav-icon">
              {centre.icon}
            </span>
            {centre.title}
          </h3>
          <ul className="sidenav-list">
            {screens.map((screen) => (
              <li key={screen.id}>
                <button
                  type="button"
                  className={screen.id === activeTab ? 'nav-item nav-item-active' : 'nav-item'}
                  aria-current={screen.id === activeTab ? 'page' : undefined}
                  onClick={() => onOpen(screen.id)}
                >
                  <span aria-hidden="true" className="nav-icon">
                    {screen.icon}
                  </span>
                  {screen.title}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="sidenav-empty">Your role has Home only for now.</p>
      )}
    </nav>
  );
}
