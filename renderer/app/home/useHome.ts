import { useEffect, useRef } from 'react';
import type { HomeSummary } from '../../../shared/ipc/schemas';
import { useTillQuery, type ScreenState } from '../../bridge/hooks';

/** Home's figures: asked when the tab is first shown and again each time it comes back to the front. */
export function useHome(active: boolean): { state: ScreenState<HomeSummary>; reload: () => void } {
  const { state, reload } = useTillQuery('home.summary', {});
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) reload();
    wasActive.current = active;
  }, [active, reload]);
  return { state, reload };
}
