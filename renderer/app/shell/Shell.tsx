import { useMemo, useReducer } from 'react';
import { formatOperator } from '../../../shared/format/text';
import { NavPanel } from '../../components/NavPanel';
import { StatusStrip } from '../../components/StatusStrip';
import { panelElementId, TabStrip, tabElementId, type TabInfo } from '../../components/TabStrip';
import { TopBar } from '../../components/TopBar';
import { useIdleLock } from '../../hooks/use-idle-lock';
import { HomeScreen } from '../home/HomeScreen';
import { CENTRES, SCREENS, screenById, type ScreenDefinition } from '../screen-registry';
import { HOME_TAB, initialShellState, screensOf, shellReducer, visibleCentres } from '../shell-state';
import { useTill } from '../till-context';

export interface ShellProps {
  /** The session is locked: the shell stays as it is (tabs, forms) but takes no input, and the idle clock stops. */
  locked: boolean;
  onIdle: () => void;
  /** The operator is active at the screens (reported at most once a minute). */
  onActivity: () => void;
  onLock: () => void;
  onQuit: () => void;
}

const HOME: TabInfo = { id: HOME_TAB, title: 'Home', icon: '⌂', closable: false };

/**
 * The signed-in frame, laid out as the seed's: centres across the top, the chosen centre's navigation on the left,
 * open screens as tabs (they stay open while the operator moves between centres), and a status strip. Every open
 * screen stays mounted while another tab is in front, so nothing typed is lost by switching or by the idle lock.
 */
export function Shell({ locked, onIdle, onActivity, onLock, onQuit }: Readonly<ShellProps>) {
  const { session, permissions, settings, devices } = useTill();
  const centres = useMemo(() => visibleCentres(CENTRES, SCREENS, permissions), [permissions]);
  const [state, dispatch] = useReducer(shellReducer, centres[0]?.id ?? null, initialShellState);
  useIdleLock({ timeoutMinutes: settings.general.idleTimeoutMinutes, paused: locked, onIdle, onActivity });

  const centre = centres.find((c) => c.id === state.activeCentre) ?? null;
  const navScreens = centre ? screensOf(centre.id, SCREENS, permissions) : [];
  const openScreens = state.openTabs.map((id) => screenById(id)).filter((screen): screen is ScreenDefinition => screen !== undefined);
  const tabs: TabInfo[] = [HOME, ...openScreens.map((screen) => ({ id: screen.id, title: screen.title, icon: screen.icon, closable: true }))];
  const open = (screenId: string) => {
    const screen = screenById(screenId);
    if (screen) dispatch({ type: 'open', screen });
  };

  return (
    <div className="shell" inert={locked}>
      <TopBar
        centres={centres}
        activeCentre={state.activeCentre}
        operator={formatOperator(session.name, session.userId)}
        onSelectCentre={(id) => dispatch({ type: 'selectCentre', centre: id })}
        onQuit={onQuit}
        onLock={onLock}
      />
      <NavPanel centre={centre} screens={navScreens} activeTab={state.activeTab} onOpen={open} />
      <main className="workspace">
        <TabStrip tabs={tabs} activeTab={state.activeTab} onActivate={(id) => dispatch({ type: 'activate', tabId: id })} onClose={(id) => dispatch({ type: 'close', screenId: id })} />
        <div className="panels">
          <div role="tabpanel" id={panelElementId(HOME_TAB)} aria-labelledby={tabElementId(HOME_TAB)} hidden={state.activeTab !== HOME_TAB} className="panel">
            <HomeScreen active={state.activeTab === HOME_TAB && !locked} />
          </div>
          {openScreens.map((screen) => {
            const Screen = screen.component;
            return (
              <div key={screen.id} role="tabpanel" id={panelElementId(screen.id)} aria-labelledby={tabElementId(screen.id)} hidden={state.activeTab !== screen.id} className="panel">
                <Screen active={state.activeTab === screen.id && !locked} />
              </div>
            );
          })}
        </div>
      </main>
      <StatusStrip station={`${session.stationCode} ${session.stationName}`} devices={devices} />
    </div>
  );
}
