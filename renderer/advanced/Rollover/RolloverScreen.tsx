import type { ScreenProps } from '../../app/screen-registry';
import { RolloverView } from './RolloverView';
import { useRollover } from './useRollover';

/** Advanced Center - Key Change Roll-over (container). */
export function RolloverScreen(_props: Readonly<ScreenProps>) {
  const rollover = useRollover();
  return (
    <RolloverView
      grid={rollover.grid}
      message={rollover.message}
      record={rollover.record}
      onMarkPending={() => void rollover.markPending()}
      onIssueNow={() => void rollover.issueNow()}
      onCloseReceipt={rollover.closeReceipt}
    />
  );
}
