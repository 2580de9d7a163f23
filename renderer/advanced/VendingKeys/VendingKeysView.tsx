import type { ChangeEvent, FormEvent } from 'react';
import '../../password/password.css';
import type { KeysOverview } from '../../../shared/ipc/access-schemas';
import { KEY_TYPE_LABEL } from '../../../shared/library/key-params';
import type { ScreenState } from '../../bridge/hooks';
import { Message, SelectField, TextField } from '../../components/Fields';
import { ScreenProblem } from '../../components/ScreenProblem';
import { KEY_DIGITS, type KeyFormErrors, type KeyFormState } from './key-form';
import type { KeysMessage } from './useVendingKeys';

/**
 * Advanced Center - Vending Keys (props only): the key store's state, the loaded vending keys by supply group with
 * their fingerprints (never a key), the STA tables' status, and the forms that load them.
 */
export interface VendingKeysViewProps {
  overview: ScreenState<KeysOverview>;
  form: KeyFormState;
  errors: KeyFormErrors;
  busy: boolean;
  message: KeysMessage;
  passphrase: string;
  formatDateTime: (iso: string) => string;
  onRetry: () => void;
  onChange: (patch: Partial<KeyFormState>) => void;
  onPassphrase: (value: string) => void;
  onLoadKey: () => void;
  onTablesFile: (file: File) => void;
  onUnlock: () => void;
}

const TABLE_STATUS_TEXT = {
  'production (verified)': 'Production tables (fingerprints verified)',
  sample: 'The standard\'s sample tables (tests and demos only: real meters will not accept these tokens)',
  unknown: 'Unknown tables',
} as const;

export function VendingKeysView(props: Readonly<VendingKeysViewProps>) {
  const { overview, form, errors } = props;
  if (overview.kind === 'offline' || overview.kind === 'error') {
    return (
      <div className="screen">
        <ScreenProblem state={overview} onRetry={props.onRetry} />
      </div>
    );
  }
  if (overview.kind !== 'ready') return (
      <div className="screen">
        <p role="status">Loading…</p>
      </div>
    );
  const { keyStore, keys, tables } = overview.value;
  const unlocked = keyStore.state === 'unlocked';
  const submitKey = (event: FormEvent) => {
    event.preventDefault();
    props.onLoadKey();
  };
  const submitUnlock = (event: FormEvent) => {
    event.preventDefault();
    props.onUnlock();
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) props.onTablesFile(file);
  };
  return (
    <div className="screen keys-page">
      {props.message ? <Message kind={props.message.kind}>{props.message.text}</Message> : null}
      <section aria-labelledby="keys-store-title" className="card">
        <h2 id="keys-store-title">Key store</h2>
        <p role="status">{keyStore.message}</p>
        {unlocked ? null : (
          <form onSubmit={submitUnlock} noValidate>
            <TextField id="keys-passphrase" label="Key store passphrase" type="password" value={props.passphrase} onChange={props.onPassphrase} disabled={props.busy} autoComplete="off" />
            <div className="form-actions">
              <button type="submit" disabled={props.busy || props.passphrase.length < 8}>
                Unlock the key store
              </button>
            </div>
          </form>
        )}
      </section>

      <section aria-labelledby="keys-list-title">
        <h2 id="keys-list-title">Vending keys</h2>
        <table className="grid" aria-labelledby="keys-list-title">
          <thead>
            <tr>
              <th scope="col">SGC</th>
              <th scope="col">KRN</th>
              <th scope="col">Key type</th>
              <th scope="col">Derivation</th>
              <th scope="col">Base date</th>
              <th scope="col">Bits</th>
              <th scope="col">Fingerprint</th>
              <th scope="col">Loaded</th>
            </tr>
          </thead>
          <tbody>
            {keys.length === 0 ? (
              <tr>
                <td colSpan={8} className="grid-empty">
                  No vending keys are loaded: tokens cannot be issued yet.
                </td>
              </tr>
            ) : (
              keys.map((k) => (
                <tr key={k.name}>
                  <td>{k.sgc}</td>
                  <td>{k.krn}</td>
                  <td>{k.keyType}</td>
                  <td>{k.dkga}</td>
                  <td>{k.baseYear}</td>
                  <td>{k.bits}</td>
                  <td>
                    <code>{k.fingerprint}</code>
                    {k.testKey ? <span className="badge"> published test key</span> : null}
                  </td>
                  <td>
                    {props.formatDateTime(k.loadedAt)} · {k.loadedBy}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>

      <form className="card" onSubmit={submitKey} noValidate aria-labelledby="keys-load-title">
        <h2 id="keys-load-title">Load a vending key</h2>
        <TextField id="key-sgc" label="Supply group code (SGC)" value={form.sgc} onChange={(sgc) => props.onChange({ sgc })} error={errors.sgc} inputMode="numeric" maxLength={6} disabled={!unlocked || props.busy} />
        <TextField id="key-krn" label="Key revision number (KRN)" value={form.krn} onChange={(krn) => props.onChange({ krn })} error={errors.krn} inputMode="numeric" maxLength={1} disabled={!unlocked || props.busy} />
        <SelectField id="key-type" label="Key type" value={form.keyType} onChange={(keyType) => props.onChange({ keyType: keyType as KeyFormState['keyType'] })} options={([0, 1, 2, 3] as const).map((t) => ({ value: String(t), label: KEY_TYPE_LABEL[t] }))} disabled={!unlocked || props.busy} />
        <SelectField id="key-dkga" label="Derivation" value={form.dkga} onChange={(dkga) => props.onChange({ dkga: dkga as KeyFormState['dkga'] })} options={[{ value: 'DKGA02', label: 'DKGA02 (64-bit key)' }, { value: 'DKGA04', label: 'DKGA04 (160-bit key)' }]} disabled={!unlocked || props.busy} />
        <SelectField id="key-base-year" label="Base date" value={form.baseYear} onChange={(baseYear) => props.onChange({ baseYear: baseYear as KeyFormState['baseYear'] })} options={['1993', '2014', '2035'].map((y) => ({ value: y, label: y }))} disabled={!unlocked || props.busy} />
        <TextField id="key-hex" label="Vending key (hexadecimal)" type="password" value={form.keyHex} onChange={(keyHex) => props.onChange({ keyHex })} error={errors.keyHex} hint={`${KEY_DIGITS[form.dkga]} hexadecimal digits. It is stored encrypted and never shown again.`} autoComplete="off" disabled={!unlocked || props.busy} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!unlocked || props.busy}>
            {props.busy ? 'Loading…' : 'Load key'}
          </button>
        </div>
      </form>

      <section className="card" aria-labelledby="keys-tables-title">
        <h2 id="keys-tables-title">STA tables (EA07)</h2>
        <p role="status">
          {tables
            ? `${TABLE_STATUS_TEXT[tables.status]} · ${tables.fileName || 'file'} · loaded ${props.formatDateTime(tables.loadedAt)} by ${tables.loadedBy} · fingerprint ${tables.fingerprint}`
            : 'No tables file is loaded: EA07 tokens use the standard\'s sample tables, which real meters do not accept.'}
        </p>
        <div className="field">
          <label htmlFor="keys-tables-file">STA tables file (JSON)</label>
          <div className="field-control">
            <input id="keys-tables-file" type="file" accept=".json,application/json" onChange={onFile} disabled={!unlocked || props.busy} />
          </div>
        </div>
      </section>
    </div>
  );
}
