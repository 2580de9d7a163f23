import { useCallback, useEffect, useState } from 'react';
import type { AllSettings, SaveSettingsInput } from '../../../shared/config/settings';
import type { Result } from '../../../shared/errors/result';
import { useTillQuery, type ScreenState } from '../../bridge/hooks';
import { invoke } from '../../bridge/till';
import type { ScreenProps } from '../../app/screen-registry';
import { useTill } from '../../app/till-context';
import { SETTINGS_SECTION_VIEWS } from './settings-sections';
import { SettingsView } from './SettingsView';

/**
 * The Settings screen (container): reads every section fresh, saves one section at a time through settings.save
 * (permission settings.edit, checked again on the main side), and puts the saved settings in force at once.
 */
export function SettingsScreen(_props: Readonly<ScreenProps>) {
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

  return <SettingsView state={state} sections={SETTINGS_SECTION_VIEWS} canEdit={permissions.has('settings.edit')} save={save} onReload={reload} />;
}
