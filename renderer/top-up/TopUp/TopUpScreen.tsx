import { useState } from 'react';
import { formatTime } from '../../../shared/format/dates';
import { invoke } from '../../bridge/till';
import type { ScreenProps } from '../../app/screen-registry';
import { useFormatters, useTill } from '../../app/till-context';
import { TopUpView } from './TopUpView';
import { useTopUp } from './useTopUp';

/**
 * Top-up Center (container): the grid of accounts and the vend. Print on the receipt prints the stored sale again
 * through `print.sale`: the original when it has not printed yet, otherwise a COPY (automatic printing already printed it).
 */
export function TopUpScreen(props: Readonly<ScreenProps>) {
  const till = useTill();
  const format = useFormatters();
  const paymentTypes = till.settings.general.paymentTypes;
  const topUp = useTopUp(paymentTypes);
  const [printMessage, setPrintMessage] = useState<string | null>(null);
  const style = till.settings.general.dateFormat;
  const step = topUp.step;
  return (
    <TopUpView
      grid={topUp.grid}
      step={step}
      active={props.active}
      paymentTypes={paymentTypes}
      currencyDisplay={till.settings.company.currencyDisplay}
      canReprint={till.permissions.has('reprint')}
      printMessage={printMessage}
      formatAmount={format.amount}
      formatDate={format.date}
      formatTime={(iso) => formatTime(iso, { style })}
      onOpen={(by) => {
        setPrintMessage(null);
        topUp.open(by);
      }}
      onBy={topUp.setBy}
      onAmount={topUp.setAmount}
      onQuote={() => void topUp.quote()}
      onPaymentType={topUp.setPaymentType}
      onToPassword={topUp.toPassword}
      onPassword={topUp.setPassword}
      onConfirm={() => void topUp.confirm()}
      onBack={topUp.back}
      onRefresh={topUp.refresh}
      onPrint={() => {
        if (step.kind !== 'receipt') return;
        setPrintMessage('Printing…');
        void invoke('print.sale', { id: step.sale.id }).then((result) => {
          if (!result.ok) return setPrintMessage(result.error.message);
          const { job } = result.value;
          setPrintMessage(job.state === 'confirmed' ? 'The receipt printed.' : (job.lastError?.message ?? 'The receipt was sent to the printer.'));
        });
      }}
    />
  );
}
