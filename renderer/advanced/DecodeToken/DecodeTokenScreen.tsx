import type { ScreenProps } from '../../app/screen-registry';
import { DecodeTokenView } from './DecodeTokenView';
import { useDecodeToken } from './useDecodeToken';

/** Advanced Center - Decode Token (container): why a meter rejected a token. */
export function DecodeTokenScreen(_props: Readonly<ScreenProps>) {
  const decode = useDecodeToken();
  return (
    <DecodeTokenView
      grid={decode.grid}
      token={decode.token}
      result={decode.result}
      problem={decode.problem}
      busy={decode.busy}
      onToken={decode.setToken}
      onDecode={() => void decode.decode()}
    />
  );
}
