import { describe, expect, it } from 'vitest';
import {
  HOME_TAB,
  initialShellState,
  screensOf,
  shellReducer,
  tabForKey,
  tabOrder,
  visibleCentres,
  type CentreInfo,
  type ScreenInfo,
  type ShellState,
} from '../../../../renderer/app/shell-state';
import { CENTRES, SCREENS } from '../../../../renderer/app/screen-registry';

const centres: CentreInfo[] = [
  { id: 'top-up', title: 'Top-up Center' },
  { id: 'library', title: 'Library Center' },
  { id: 'advanced', title: 'Advanced Center' },
  { id: 'password', title: 'Password Center' },
];
const vending: ScreenInfo = { id: 'top-up.vending', centre: 'top-up', title: 'Vending', permission: 'vend' };
const meters: ScreenInfo = { id: 'library.meters', centre: 'library', title: 'Meter Library', permission: 'meters.view' };
const settings: ScreenInfo = { id: 'advanced.settings', centre: 'advanced', title: 'Settings', permission: 'settings.edit' };
const help: ScreenInfo = { id: 'advanced.about', centre: 'advanced', title: 'About', permission: null };
const screens = [vending, meters, settings];

describe('which centres an operator sees', () => {
  it('shows a centre only when it has a screen the operator may open, in the seed order', () => {
    expect(visibleCentres(centres, screens, new Set(['vend', 'settings.edit'])).map((c) => c.id)).toEqual(['top-up', 'advanced']);
    expect(visibleCentres(centres, screens, new Set(['meters.view'])).map((c) => c.id)).toEqual(['library']);
    expect(visibleCentres(centres, screens, new Set())).toEqual([]);
    expect(visibleCentres(centres, [...screens, help], new Set()).map((c) => c.id)).toEqual(['advanced']);
  });

  it('lists only the screens of a centre the operator may open', () => {
    expect(screensOf('advanced', [settings, help], new Set()).map((s) => s.id)).toEqual(['advanced.about']);
    expect(screensOf('advanced', [settings, help], new Set(['settings.edit'])).map((s) => s.id)).toEqual(['advanced.settings', 'advanced.about']);
  });

  it('the registry has no centre without a screen: a centre shows when the operator may open one of its screens', () => {
    const admin = new Set(['settings.edit', 'vend']);
    // S1: the Password Center's two password changes are open to every signed-in operator.
    expect(visibleCentres(CENTRES, SCREENS, admin).map((c) => c.title)).toEqual(['Top-up Center', 'Advanced Center', 'Password Center']);
    expect(visibleCentres(CENTRES, SCREENS, new Set(['vend', 'records.view', 'reprint'])).map((c) => c.title)).toEqual(['Top-up Center', 'Password Center']);
    expect(visibleCentres(CENTRES, SCREENS, new Set()).map((c) => c.title)).toEqual(['Password Center']);
    for (const screen of SCREENS) expect(CENTRES.some((c) => c.id === screen.centre)).toBe(true);
    expect(new Set(SCREENS.map((s) => s.id)).size).toBe(SCREENS.length);
  });
});

describe('the tabs', () => {
  const open = (state: ShellState, screen: ScreenInfo) => shellReducer(state, { type: 'open', screen });

  it('starts on Home with the first centre chosen', () => {
    expect(initialShellState('top-up')).toEqual({ openTabs: [], activeTab: HOME_TAB, activeCentre: 'top-up' });
  });

  it('opens a screen once, brings it to the front and follows its centre', () => {
    let state = open(initialShellState('top-up'), meters);
    state = open(state, settings);
    state = open(state, meters);
    expect(state).toEqual({ openTabs: ['library.meters', 'advanced.settings'], activeTab: 'library.meters', activeCentre: 'library' });
    expect(tabOrder(state)).toEqual([HOME_TAB, 'library.meters', 'advanced.settings']);
  });

  it('keeps tabs open when the operator moves to another centre', () => {
    const state = shellReducer(open(open(initialShellState('top-up'), vending), meters), { type: 'selectCentre', centre: 'advanced' });
    expect(state.openTabs).toEqual(['top-up.vending', 'library.meters']);
    expect(state.activeTab).toBe('library.meters');
    expect(state.activeCentre).toBe('advanced');
  });

  it('closing the tab in front brings its right neighbour, else its left, else Home', () => {
    let state = open(open(open(initialShellState(null), vending), meters), settings);
    state = shellReducer(state, { type: 'activate', tabId: 'library.meters' });
    state = shellReducer(state, { type: 'close', screenId: 'library.meters' });
    expect(state.activeTab).toBe('advanced.settings');
    state = shellReducer(state, { type: 'close', screenId: 'advanced.settings' });
    expect(state.activeTab).toBe('top-up.vending');
    state = shellReducer(state, { type: 'close', screenId: 'top-up.vending' });
    expect(state).toMatchObject({ openTabs: [], activeTab: HOME_TAB });
  });

  it('closing a tab behind leaves the front tab in front; Home and unknown tabs cannot be closed or activated wrongly', () => {
    let state = open(open(initialShellState(null), vending), meters);
    state = shellReducer(state, { type: 'close', screenId: 'top-up.vending' });
    expect(state).toMatchObject({ openTabs: ['library.meters'], activeTab: 'library.meters' });
    expect(shellReducer(state, { type: 'close', screenId: HOME_TAB })).toBe(state);
    expect(shellReducer(state, { type: 'activate', tabId: 'nowhere' })).toBe(state);
    expect(shellReducer(state, { type: 'activate', tabId: HOME_TAB }).activeTab).toBe(HOME_TAB);
  });
});

describe('tabForKey', () => {
  const tabs = [HOME_TAB, 'a', 'b'];
  it('moves with the arrows, wrapping, and jumps with Home and End', () => {
    expect(tabForKey(tabs, HOME_TAB, 'ArrowRight')).toBe('a');
    expect(tabForKey(tabs, 'b', 'ArrowRight')).toBe(HOME_TAB);
    expect(tabForKey(tabs, HOME_TAB, 'ArrowLeft')).toBe('b');
    expect(tabForKey(tabs, 'a', 'End')).toBe('b');
    expect(tabForKey(tabs, 'b', 'Home')).toBe(HOME_TAB);
  });

  it('ignores other keys and unknown tabs', () => {
    expect(tabForKey(tabs, 'a', 'Enter')).toBeNull();
    expect(tabForKey(tabs, 'zz', 'ArrowRight')).toBeNull();
  });
});
