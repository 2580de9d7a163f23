import { useCallback, useEffect, useState } from 'react';
import type { AllSettings, SaveSettingsInput } from '../../../shared/config/settings';
import type { Result } from '../../../shared/errors/result';
import { useTillQuery, type ScreenState } from '../../bridge/hooks';
import { invoke } from '../../bridge/till';
import { useTill } from '../../app/till-context';

/**
 * The Settings screen's data: every section read fresh, and a save that writes one section through settings.save
 * and puts the saved settings in force in the whole shell at once (idle timeout, date format, currency names).
 */
export function useSettings(): { state: ScreenState<AllSettings>; reload: () => void; save: (input: SaveSettingsInput) => Promise<Result<AllSettings>>; canEdit: boolean } {
  const { permissions, setSettings } = useTill();
  const { state: loaded, reload } = useTillQuery('settings.get', {});
  const [state, setState] = useState<ScreenState<AllSettings>>(loaded);
  useEffect(() => setState(loaded), [loaded]);
  const save = useCallback(
    async (input: SaveSettingsInput): Promise<Result<AllSettings>> => {
      const result = await invoke('settings.save', input);
      if (result.ok) {
        setState({ kind: 'ready', value: result.value });
        setSettings(result.value);
      }
      return result;
    },
    [setSettings],
  );
  return { state, reload, save, canEdit: permissions.has('settings.edit') };
}
