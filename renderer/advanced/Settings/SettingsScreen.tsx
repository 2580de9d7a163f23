import type { ScreenProps } from '../../app/screen-registry';
import { SETTINGS_SECTION_VIEWS } from './settings-sections';
import { SettingsView } from './SettingsView';
import { useSettings } from './useSettings';

/** The Settings screen (container): the registered sections, saved one at a time (permission settings.edit). */
export function SettingsScreen(_props: Readonly<ScreenProps>) {
  const { state, reload, save, canEdit } = useSettings();
  return <SettingsView state={state} sections={SETTINGS_SECTION_VIEWS} canEdit={canEdit} save={save} onReload={reload} />;
}
