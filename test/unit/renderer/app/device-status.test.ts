import { describe, expect, it } from 'vitest';
import { INITIAL_DEVICE_STATUS, keyStoreLabel, printerLabel, syncLabel } from '../../../../renderer/app/device-status';
import { events } from '../../../../shared/ipc/events';

describe('device states as the status strip reads them', () => {
  it('starts with printer and sync not configured (nothing publishes them yet) and the key store unknown', () => {
    expect(events['printer.status'].parse(INITIAL_DEVICE_STATUS.printer)).toEqual(INITIAL_DEVICE_STATUS.printer);
    expect(events['sync.status'].parse(INITIAL_DEVICE_STATUS.sync)).toEqual(INITIAL_DEVICE_STATUS.sync);
    expect(printerLabel(INITIAL_DEVICE_STATUS.printer.state)).toEqual({ text: 'Not configured', tone: 'off' });
    expect(syncLabel(INITIAL_DEVICE_STATUS.sync)).toEqual({ text: 'Not configured', tone: 'off' });
    expect(keyStoreLabel(null)).toEqual({ text: 'Checking…', tone: 'off' });
  });

  it('has a label for every state of every event', () => {
    for (const state of events['printer.status'].shape.state.options) expect(printerLabel(state).text).not.toBe('');
    for (const state of events['sync.status'].shape.state.options) expect(syncLabel({ state, pending: 0, message: '' }).text).not.toBe('');
    for (const state of events['keystore.status'].shape.state.options) expect(keyStoreLabel({ state, message: '' }).text).not.toBe('');
  });

  it('marks paper out and a locked key store as problems, and counts what waits to sync', () => {
    expect(printerLabel('paper-out')).toEqual({ text: 'Out of paper', tone: 'bad' });
    expect(keyStoreLabel({ state: 'locked', message: '' }).tone).toBe('bad');
    expect(syncLabel({ state: 'offline', pending: 3, message: '' })).toEqual({ text: 'Offline (3 waiting)', tone: 'warn' });
  });
});
