/**
 * The shell's pure parts: which centres an operator sees, and the open tabs. Centres come from the screens that
 * exist (a centre without a screen the operator may open is not shown, so there are no empty placeholders); tabs
 * stay open when the operator moves between centres, and Home is always the first tab and cannot be closed.
 */
export type CentreId = 'top-up' | 'library' | 'advanced' | 'report' | 'password';

export interface CentreInfo {
  readonly id: CentreId;
  readonly title: string;
}

/** What the shell needs to know about a screen to place it; the registry adds the component. */
export interface ScreenInfo {
  readonly id: string;
  readonly centre: CentreId;
  readonly title: string;
  /** Who may open it (the main side checks again on every call); null: any signed-in operator. */
  readonly permission: string | null;
}

export const HOME_TAB = 'home';

export function mayOpen(screen: ScreenInfo, permissions: ReadonlySet<string>): boolean {
  return screen.permission === null || permissions.has(screen.permission);
}

/** The centres with at least one screen the operator may open, in the order of the centre list. */
export function visibleCentres<C extends CentreInfo>(centres: readonly C[], screens: readonly ScreenInfo[], permissions: ReadonlySet<string>): C[] {
  return centres.filter((centre) => screens.some((screen) => screen.centre === centre.id && mayOpen(screen, permissions)));
}

export function screensOf<S extends ScreenInfo>(centre: CentreId, screens: readonly S[], permissions: ReadonlySet<string>): S[] {
  return screens.filter((screen) => screen.centre === centre && mayOpen(screen, permissions));
}

export interface ShellState {
  /** Open screens after Home, in the order they were opened. */
  readonly openTabs: readonly string[];
  readonly activeTab: string;
  readonly activeCentre: CentreId | null;
}

export type ShellAction =
  | { type: 'open'; screen: ScreenInfo }
  | { type: 'close'; screenId: string }
  | { type: 'activate'; tabId: string }
  | { type: 'selectCentre'; centre: CentreId };

export function initialShellState(firstCentre: CentreId | null): ShellState {
  return { openTabs: [], activeTab: HOME_TAB, activeCentre: firstCentre };
}

export function shellReducer(state: ShellState, action: ShellAction): ShellState {
  switch (action.type) {
    case 'open': {
      const openTabs = state.openTabs.includes(action.screen.id) ? state.openTabs : [...state.openTabs, action.screen.id];
      return { openTabs, activeTab: action.screen.id, activeCentre: action.screen.centre };
    }
    case 'close': {
      const index = state.openTabs.indexOf(action.screenId);
      if (index < 0) return state;
      const openTabs = state.openTabs.filter((id) => id !== action.screenId);
      if (state.activeTab !== action.screenId) return { ...state, openTabs };
      const neighbour = openTabs[index] ?? openTabs[index - 1] ?? HOME_TAB;
      return { ...state, openTabs, activeTab: neighbour };
    }
    case 'activate':
      if (action.tabId !== HOME_TAB && !state.openTabs.includes(action.tabId)) return state;
      return { ...state, activeTab: action.tabId };
    case 'selectCentre':
      return { ...state, activeCentre: action.centre };
  }
}

/** All tabs in strip order, Home first. */
export function tabOrder(state: ShellState): string[] {
  return [HOME_TAB, ...state.openTabs];
}

/** The tab a key moves to in the tab strip (arrows wrap around; Home and End jump to the ends), or null. */
export function tabForKey(tabs: readonly string[], current: string, key: string): string | null {
  const index = tabs.indexOf(current);
  if (index < 0 || tabs.length === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return tabs[(index + 1) % tabs.length] ?? null;
    case 'ArrowLeft':
      return tabs[(index - 1 + tabs.length) % tabs.length] ?? null;
    case 'Home':
      return tabs[0] ?? null;
    case 'End':
      return tabs[tabs.length - 1] ?? null;
    default:
      return null;
  }
}
