import type { ScreenProps } from '../../app/screen-registry';
import { useFormatters } from '../../app/till-context';
import { useVendingKeys } from './useVendingKeys';
import { VendingKeysView } from './VendingKeysView';

/** Advanced Center - Vending Keys (container; administrators: keys.manage). */
export function VendingKeysScreen(_props: Readonly<ScreenProps>) {
  const keys = useVendingKeys();
  const format = useFormatters();
  return (
    <VendingKeysView
      overview={keys.overview}
      form={keys.form}
      errors={keys.errors}
      busy={keys.busy}
      message={keys.message}
      passphrase={keys.passphrase}
      formatDateTime={format.dateTime}
      onRetry={keys.reload}
      onChange={keys.change}
      onPassphrase={keys.setPassphrase}
      onLoadKey={() => void keys.loadKey()}
      onTablesFile={(file) => void keys.loadTables(file)}
      onUnlock={() => void keys.unlock()}
    />
  );
}
