import type { ScreenProps } from '../../app/screen-registry';
import { useFormatters } from '../../app/till-context';
import { AuditLogView } from './AuditLogView';
import { useAuditLog } from './useAuditLog';

/** Advanced Center - Audit Log (container): search over every row in main, Verify, Export CSV or Excel. */
export function AuditLogScreen(_props: Readonly<ScreenProps>) {
  const audit = useAuditLog();
  const format = useFormatters();
  return (
    <AuditLogView
      grid={audit.grid}
      verdict={audit.verdict}
      action={audit.action}
      formatDateTime={format.dateTime}
      onVerify={() => void audit.verify()}
      onExport={(f) => void audit.exportAs(f)}
    />
  );
}
