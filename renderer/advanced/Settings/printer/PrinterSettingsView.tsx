import './printer-settings.css';
import type { FormEvent } from 'react';
import { CHARACTER_SET_LABEL, characterSetsFor, PRINTER_MODELS, type CharacterSet, type PrinterModel } from '../../../../shared/receipt/printer-profile';
import type { PrintJobView } from '../../../../shared/ipc/channels/printing';
import { printerLabel } from '../../../app/device-status';
import { CheckboxField, Message, SelectField, TextField } from '../../../components/Fields';
import { ScreenProblem } from '../../../components/ScreenProblem';
import { PRINTER_LABELS } from './printer-settings-form';
import type { PrinterSection } from './usePrinterSection';

const JOB_STATE_TEXT: Readonly<Record<PrintJobView['state'], string>> = {
  queued: 'Waiting',
  sent: 'Printing',
  confirmed: 'Printed',
  failed: 'Not printed',
  unknown: 'Not confirmed',
};

const LAYOUT_TEXT: Readonly<Record<PrintJobView['layout'], string>> = {
  vend: 'Vending receipt',
  'key-change': 'Key change',
  'max-overdraft': 'Max Overdraft',
  'clear-credit': 'Clear Credit',
  'clear-tamper': 'Clear Tamper',
  'max-power': 'Max Power',
  'meter-test': 'Meter test',
  test: 'Test print',
};

function LinesField({ id, label, value, onChange, error, hint, disabled }: Readonly<{ id: string; label: string; value: string; onChange: (value: string) => void; error?: string | undefined; hint: string; disabled: boolean }>) {
  const describedBy = [error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        <textarea id={id} value={value} rows={3} cols={48} onChange={(event) => onChange(event.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy} disabled={disabled} spellCheck={false} />
        {error ? (
          <div id={`${id}-error`} className="field-error">
            {error}
          </div>
        ) : null}
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      </div>
    </div>
  );
}

/** The Printer section (props only): settings form, live state, Test print with the receipt it printed, recent jobs. */
export function PrinterSettingsView({ section, canEdit }: Readonly<{ section: PrinterSection; canEdit: boolean }>) {
  const { form, errors, message, saving, dirty, status, testing, lastPrint, jobs, change } = section;
  const disabled = saving || !canEdit;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    section.submit();
  };
  const label = status.kind === 'ready' ? printerLabel(status.value.state) : null;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="settings-printer-title" className="settings-section">
      <h3 id="settings-printer-title">Printer</h3>
      <div className="printer-state" role="group" aria-label="Printer state" aria-live="polite">
        {status.kind === 'loading' ? 'Asking the printer…' : null}
        {status.kind === 'ready' && label ? (
          <>
            <span className={`dot dot-${label.tone}`} aria-hidden="true" /> <strong>{label.text}</strong>: {status.value.message}
          </>
        ) : null}
        {status.kind === 'offline' || status.kind === 'error' ? <ScreenProblem state={status} onRetry={section.checkStatus} /> : null}{' '}
        <button type="button" onClick={section.checkStatus}>
          Check the printer
        </button>
      </div>
      {message ? <Message kind={message.kind}>{message.text}</Message> : null}
      <SelectField
        id="printer-connection"
        label={PRINTER_LABELS.connection}
        value={form.connection}
        onChange={(value) => change('connection', value === 'network' ? 'network' : 'none')}
        options={[
          { value: 'none', label: 'No printer' },
          { value: 'network', label: 'Network printer (TCP)' },
        ]}
        disabled={disabled}
      />
      {form.connection === 'network' ? (
        <>
          <TextField id="printer-host" label={PRINTER_LABELS.host} value={form.host} onChange={(value) => change('host', value)} error={errors.host} hint="The printer's IP address or host name, as its self-test page shows it." disabled={disabled} maxLength={253} />
          <TextField id="printer-port" label={PRINTER_LABELS.port} value={form.port} onChange={(value) => change('port', value)} error={errors.port} hint="Receipt printers take jobs on port 9100." inputMode="numeric" disabled={disabled} maxLength={5} />
        </>
      ) : null}
      <SelectField
        id="printer-paperWidth"
        label={PRINTER_LABELS.paperWidth}
        value={form.paperWidth}
        onChange={(value) => change('paperWidth', value === '58' ? '58' : '80')}
        options={[
          { value: '80', label: '80 mm' },
          { value: '58', label: '58 mm (32 characters)' },
        ]}
        disabled={disabled}
      />
      {form.paperWidth === '80' ? (
        <SelectField
          id="printer-columns80"
          label={PRINTER_LABELS.columns80}
          value={form.columns80}
          onChange={(value) => change('columns80', value === '42' ? '42' : '48')}
          options={[
            { value: '48', label: '48 (most 80 mm printers)' },
            { value: '42', label: '42' },
          ]}
          hint="If the Test print's ruler wraps, choose 42."
          disabled={disabled}
        />
      ) : null}
      <SelectField
        id="printer-model"
        label={PRINTER_LABELS.model}
        value={form.model}
        onChange={(value) => change('model', (PRINTER_MODELS as readonly string[]).includes(value) ? (value as PrinterModel) : 'EPSON')}
        options={PRINTER_MODELS.map((model) => ({ value: model, label: model === 'EPSON' ? 'EPSON (ESC/POS)' : 'STAR (line mode)' }))}
        disabled={disabled}
      />
      <SelectField
        id="printer-characterSet"
        label={PRINTER_LABELS.characterSet}
        value={form.characterSet}
        onChange={(value) => change('characterSet', value as CharacterSet)}
        options={characterSetsFor(form.model).map((set) => ({ value: set, label: CHARACTER_SET_LABEL[set] }))}
        error={errors.characterSet}
        disabled={disabled}
      />
      <LinesField id="printer-headerLines" label={PRINTER_LABELS.headerLines} value={form.headerLines} onChange={(value) => change('headerLines', value)} error={errors.headerLines} hint="Printed under the company and station name; one line per row, at most 6 rows of 48 characters." disabled={disabled} />
      <LinesField id="printer-footerLines" label={PRINTER_LABELS.footerLines} value={form.footerLines} onChange={(value) => change('footerLines', value)} error={errors.footerLines} hint="Printed at the end of every receipt; one line per row." disabled={disabled} />
      <CheckboxField id="printer-qrCode" label={PRINTER_LABELS.qrCode} checked={form.qrCode} onChange={(value) => change('qrCode', value)} disabled={disabled} />
      <SelectField id="printer-copies" label={PRINTER_LABELS.copies} value={form.copies} onChange={(value) => change('copies', value === '3' ? '3' : value === '2' ? '2' : '1')} options={['1', '2', '3'].map((n) => ({ value: n, label: n }))} disabled={disabled} />
      <CheckboxField id="printer-autoPrint" label={PRINTER_LABELS.autoPrint} checked={form.autoPrint} onChange={(value) => change('autoPrint', value)} hint="Otherwise the cashier presses Print after each vend." disabled={disabled} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={disabled}>
          {saving ? 'Saving…' : 'Save printer settings'}
        </button>
        <button type="button" onClick={section.testPrint} disabled={!canEdit || testing || dirty || form.connection === 'none'}>
          {testing ? 'Printing…' : 'Test print'}
        </button>
        {dirty ? <span className="muted">Save the settings before a Test print.</span> : null}
        {!canEdit ? <span className="muted">Your role may look at these settings but not change them.</span> : null}
      </div>
      {lastPrint && lastPrint.receipt.length > 0 ? (
        <figure className="receipt-preview">
          <figcaption>What the printer was sent ({JOB_STATE_TEXT[lastPrint.job.state].toLowerCase()})</figcaption>
          <pre aria-label="Printed receipt">{lastPrint.receipt.join('\n')}</pre>
        </figure>
      ) : null}
      <h4 id="printer-jobs-title">Recent print jobs</h4>
      {jobs.kind === 'offline' || jobs.kind === 'error' ? <ScreenProblem state={jobs} onRetry={section.checkStatus} /> : null}
      {jobs.kind === 'ready' && jobs.value.length === 0 ? <p className="muted">Nothing printed yet.</p> : null}
      {jobs.kind === 'ready' && jobs.value.length > 0 ? (
        <table aria-labelledby="printer-jobs-title">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Receipt</th>
              <th scope="col">State</th>
              <th scope="col">Attempts</th>
              <th scope="col">Problem</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.value.map((job) => (
              <tr key={job.id}>
                <td>{job.updatedAt.replace('T', ' ').slice(0, 19)}</td>
                <td>{LAYOUT_TEXT[job.layout]}</td>
                <td>{JOB_STATE_TEXT[job.state]}</td>
                <td>{job.attempts}</td>
                <td>{job.lastError?.message ?? ''}</td>
                <td>
                  {job.state === 'failed' || job.state === 'unknown' ? (
                    <button type="button" onClick={() => section.retry(job.id)} disabled={testing}>
                      Print again
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </form>
  );
}
