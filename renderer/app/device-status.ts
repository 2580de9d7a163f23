import type { EventPayload } from '../../shared/ipc/events';
import { assertNever } from '../../shared/errors/result';

/**
 * The devices and links the status strip and Home show, and how each state reads. Printer and sync start as "not
 * configured": no printer or sync service exists on this terminal until one publishes its state (printer.status,
 * sync.status events); the key store is asked at sign-in and then follows keystore.status events.
 */
export type PrinterStatus = EventPayload<'printer.status'>;
export type SyncStatus = EventPayload<'sync.status'>;
export type KeyStoreState = EventPayload<'keystore.status'>;

export interface DeviceStatus {
  printer: PrinterStatus;
  sync: SyncStatus;
  keyStore: KeyStoreState | null;
}

export type Tone = 'ok' | 'busy' | 'warn' | 'bad' | 'off';

export const INITIAL_DEVICE_STATUS: DeviceStatus = {
  printer: { state: 'not-configured', message: 'No receipt printer is set up on this terminal yet.' },
  sync: { state: 'not-configured', pending: 0, message: 'Sync with the central database is not set up yet.' },
  keyStore: null,
};

export function printerLabel(state: PrinterStatus['state']): { text: string; tone: Tone } {
  switch (state) {
    case 'online':
      return { text: 'Ready', tone: 'ok' };
    case 'offline':
      return { text: 'Offline', tone: 'bad' };
    case 'cover-open':
      return { text: 'Cover open', tone: 'bad' };
    case 'paper-near-end':
      return { text: 'Paper low', tone: 'warn' };
    case 'paper-out':
      return { text: 'Out of paper', tone: 'bad' };
    case 'not-configured':
      return { text: 'Not configured', tone: 'off' };
    case 'unknown':
      return { text: 'Unknown', tone: 'warn' };
    default:
      return assertNever(state);
  }
}

export function syncLabel(status: SyncStatus): { text: string; tone: Tone } {
  const pending = status.pending > 0 ? ` (${status.pending} waiting)` : '';
  switch (status.state) {
    case 'idle':
      return { text: `Up to date${pending}`, tone: 'ok' };
    case 'syncing':
      return { text: `Syncing${pending}`, tone: 'busy' };
    case 'offline':
      return { text: `Offline${pending}`, tone: 'warn' };
    case 'error':
      return { text: `Error${pending}`, tone: 'bad' };
    case 'not-configured':
      return { text: 'Not configured', tone: 'off' };
    default:
      return assertNever(status.state);
  }
}

export function keyStoreLabel(status: KeyStoreState | null): { text: string; tone: Tone } {
  if (status === null) return { text: 'Checking…', tone: 'off' };
  switch (status.state) {
    case 'unlocked':
      return { text: 'Unlocked', tone: 'ok' };
    case 'locked':
      return { text: 'Locked', tone: 'bad' };
    case 'uninitialised':
      return { text: 'Not set up', tone: 'warn' };
    default:
      return assertNever(status.state);
  }
}
