import type { ScreenProps } from '../../app/screen-registry';
import { useFormatters } from '../../app/till-context';
import { LoginHistoryView } from './LoginHistoryView';
import { useLoginHistory } from './useLoginHistory';

/** Advanced Center - Login History (container). */
export function LoginHistoryScreen(_props: Readonly<ScreenProps>) {
  const history = useLoginHistory();
  const format = useFormatters();
  return <LoginHistoryView grid={history.grid} message={history.message} formatDateTime={format.dateTime} onExport={() => void history.exportExcel()} />;
}
