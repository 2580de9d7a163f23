import { useEffect, useState } from 'react';
import { useTillEvent } from '../bridge/hooks';
import { invoke } from '../bridge/till';
import { INITIAL_DEVICE_STATUS, type DeviceStatus } from './device-status';

/** The devices' states for the status strip and Home: pushed events, and the key store and printer asked when `ask` turns true. */
export function useDeviceStatus(ask: boolean): DeviceStatus {
  const [status, setStatus] = useState<DeviceStatus>(INITIAL_DEVICE_STATUS);
  useTillEvent('printer.status', (printer) => setStatus((previous) => ({ ...previous, printer })));
  useTillEvent('sync.status', (sync) => setStatus((previous) => ({ ...previous, sync })));
  useTillEvent('keystore.status', (keyStore) => setStatus((previous) => ({ ...previous, keyStore })));
  useEffect(() => {
    if (!ask) return undefined;
    let current = true;
    void invoke('keystore.status', {}).then((result) => {
      if (current && result.ok) setStatus((previous) => ({ ...previous, keyStore: result.value }));
    });
    // The printer's state is asked once at sign-in (the main side asks the printer), then follows printer.status events.
    void invoke('printer.status', {}).then((result) => {
      if (current && result.ok) setStatus((previous) => ({ ...previous, printer: { state: result.value.state, message: result.value.message } }));
    });
    return () => {
      current = false;
    };
  }, [ask]);
  return status;
}
