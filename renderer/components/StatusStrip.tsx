import { keyStoreLabel, printerLabel, syncLabel, type DeviceStatus } from '../app/device-status';

/** The status strip along the bottom: station, printer, sync and key store, each with its state and its sentence. */
export function StatusStrip({ station, devices }: Readonly<{ station: string; devices: DeviceStatus }>) {
  const items = [
    { label: 'Printer', ...printerLabel(devices.printer.state), message: devices.printer.message },
    { label: 'Sync', ...syncLabel(devices.sync), message: devices.sync.message },
    { label: 'Key store', ...keyStoreLabel(devices.keyStore), message: devices.keyStore?.message ?? '' },
  ];
  return (
    <footer className="statusbar" aria-label="Status">
      <span className="status-item">
        Station: <strong>{station}</strong>
      </span>
      {items.map((item) => (
        <span className="status-item" key={item.label} title={item.message}>
          <span className={`dot dot-${item.tone}`} aria-hidden="true" />
          {item.label}: <strong>{item.text}</strong>
        </span>
      ))}
    </footer>
  );
}
