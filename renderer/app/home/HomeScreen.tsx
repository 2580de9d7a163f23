import type { ScreenProps } from '../screen-registry';
import { useFormatters, useTill } from '../till-context';
import { HomeView } from './HomeView';
import { useHome } from './useHome';

/** The Home tab (container): today's figures from `home.summary`, the devices from the shell. */
export function HomeScreen({ active }: Readonly<ScreenProps>) {
  const { state, reload } = useHome(active);
  const { devices } = useTill();
  const format = useFormatters();
  return <HomeView state={state} devices={devices} format={format} onRefresh={reload} />;
}
