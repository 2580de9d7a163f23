import type { AllSettings, SaveSettingsInput } from '../../../shared/config/settings';
import type { Result } from '../../../shared/errors/result';
import type { ScreenState } from '../../bridge/hooks';
import { ScreenProblem } from '../../components/ScreenProblem';
import type { SettingsSectionView } from './settings-sections';

export interface SettingsViewProps {
  state: ScreenState<AllSettings>;
  sections: readonly SettingsSectionView[];
  canEdit: boolean;
  save: (input: SaveSettingsInput) => Promise<Result<AllSettings>>;
  onReload: () => void;
}

/** The Settings screen frame (props only): each registered section with its own form and Save. */
export function SettingsView({ state, sections, canEdit, save, onReload }: Readonly<SettingsViewProps>) {
  return (
    <section className="screen" aria-labelledby="settings-title">
      <div className="toolbar">
        <h2 id="settings-title">Settings</h2>
        <span className="toolbar-spacer" />
        <button type="button" onClick={onReload} disabled={state.kind === 'loading'}>
          Reload
        </button>
      </div>
      {state.kind === 'loading' ? <p role="status">Loading the settings…</p> : null}
      {state.kind === 'offline' || state.kind === 'error' ? <ScreenProblem state={state} onRetry={onReload} /> : null}
      {state.kind === 'ready'
        ? sections.map(({ id, Component }) => <Component key={id} settings={state.value} canEdit={canEdit} save={save} />)
        : null}
    </section>
  );
}
