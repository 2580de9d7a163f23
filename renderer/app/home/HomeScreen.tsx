import { useEffect, useRef } from 'react';
import { useTillQuery } from '../../bridge/hooks';
import type { ScreenProps } from '../screen-registry';
import { useFormatters, useTill } from '../till-context';
import { HomeView } from './HomeView';

/** The Home tab (container): asks `home.summary` when shown, and again each time the tab comes back to the front. */
export function HomeScreen({ active }: Readonly<ScreenProps>) {
  const { state, reload } = useTillQuery('home.summary', {});
  const { devices } = useTill();
  const format = useFormatters();
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) reload();
    wasActive.current = active;
  }, [active, reload]);
  return <HomeView state={state} devices={devices} format={format} onRefresh={reload} />;
}
