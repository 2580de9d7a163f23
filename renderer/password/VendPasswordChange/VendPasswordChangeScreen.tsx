import type { ScreenProps } from '../../app/screen-registry';
import { useVendPasswordChange } from './useVendPasswordChange';
import { VendPasswordChangeView } from './VendPasswordChangeView';

/** Password Center - Vend Password Change (container): the signed-in user's own vend (transaction) password. */
export function VendPasswordChangeScreen(_props: Readonly<ScreenProps>) {
  return <VendPasswordChangeView change={useVendPasswordChange()} />;
}
