import type { SettingsRepo } from '../db/repos/settings-repo';

/** This terminal's identity, fixed at setup: the station it belongs to. Rows born here carry its id. */
export interface TerminalIdentity {
  stationId: string;
  stationCode: string;
  stationName: string;
  districtId: string;
}

export const TERMINAL_KEY = 'terminal';
export const UNASSIGNED_STATION = 'unassigned';

export interface Terminal {
  identity(): TerminalIdentity | null;
  stationId(): string;
  set(identity: TerminalIdentity, now: string): void;
}

export function createTerminal(repo: SettingsRepo): Terminal {
  let cached: TerminalIdentity | null | undefined;
  const identity = (): TerminalIdentity | null => {
    if (cached === undefined) cached = (repo.readState(TERMINAL_KEY) as TerminalIdentity | undefined) ?? null;
    return cached;
  };
  return {
    identity,
    stationId: () => identity()?.stationId ?? UNASSIGNED_STATION,
    set(value, now) {
      repo.writeState(TERMINAL_KEY, value, now);
      cached = value;
    },
  };
}
