import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AllSettings, PrinterSettings, SaveSettingsInput } from '../../../../shared/config/settings';
import type { Result } from '../../../../shared/errors/result';
import type { PrinterStatusView, PrintJobView, PrintResultView } from '../../../../shared/ipc/channels/printing';
import { stateOfFailure, useTillEvent, type ScreenState } from '../../../bridge/hooks';
import { invoke } from '../../../bridge/till';
import { checkPrinterForm, printerFormOf, type PrinterErrors, type PrinterForm } from './printer-settings-form';

export type PrinterMessage = { kind: 'error' | 'notice'; text: string } | null;

export interface PrinterSection {
  form: PrinterForm;
  errors: PrinterErrors;
  message: PrinterMessage;
  saving: boolean;
  dirty: boolean;
  status: ScreenState<PrinterStatusView>;
  testing: boolean;
  lastPrint: PrintResultView | null;
  jobs: ScreenState<PrintJobView[]>;
  change: <K extends keyof PrinterForm>(field: K, value: PrinterForm[K]) => void;
  submit: () => void;
  checkStatus: () => void;
  testPrint: () => void;
  retry: (jobId: string) => void;
}

/** The Printer section's data: the form, the printer's live state (asked, then pushed), Test print and recent jobs. */
export function usePrinterSection(stored: PrinterSettings, save: (input: SaveSettingsInput) => Promise<Result<AllSettings>>): PrinterSection {
  const [form, setForm] = useState<PrinterForm>(() => printerFormOf(stored));
  const [errors, setErrors] = useState<PrinterErrors>({});
  const [message, setMessage] = useState<PrinterMessage>(null);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<ScreenState<PrinterStatusView>>({ kind: 'loading' });
  const [testing, setTesting] = useState(false);
  const [lastPrint, setLastPrint] = useState<PrintResultView | null>(null);
  const [jobs, setJobs] = useState<ScreenState<PrintJobView[]>>({ kind: 'loading' });

  useEffect(() => setForm(printerFormOf(stored)), [stored]);
  const dirty = useMemo(() => JSON.stringify(form) !== JSON.stringify(printerFormOf(stored)), [form, stored]);

  const checkStatus = useCallback(() => {
    setStatus((previous) => (previous.kind === 'ready' ? previous : { kind: 'loading' }));
    void invoke('printer.status', {}).then((result) => setStatus(result.ok ? { kind: 'ready', value: result.value } : stateOfFailure(result.error)));
  }, []);
  const loadJobs = useCallback(() => {
    void invoke('print.jobs', { limit: 5 }).then((result) => setJobs(result.ok ? { kind: 'ready', value: result.value.jobs } : stateOfFailure(result.error)));
  }, []);
  useEffect(() => {
    checkStatus();
    loadJobs();
  }, [checkStatus, loadJobs]);
  useTillEvent('printer.status', (pushed) =>
    setStatus((previous) => ({
      kind: 'ready',
      value: { ...pushed, printer: previous.kind === 'ready' ? previous.value.printer : null, checkedAt: new Date().toISOString() },
    })),
  );

  const change = useCallback(<K extends keyof PrinterForm>(field: K, value: PrinterForm[K]) => {
    setForm((previous) => ({ ...previous, [field]: value }));
    setMessage(null);
  }, []);

  const submit = useCallback(() => {
    const checked = checkPrinterForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage({ kind: 'error', text: checked.summary });
      return;
    }
    setErrors({});
    setSaving(true);
    void save({ section: 'printer', value: checked.value }).then((result) => {
      setSaving(false);
      setMessage(result.ok ? { kind: 'notice', text: 'The printer settings are saved.' } : { kind: 'error', text: result.error.message });
      if (result.ok) checkStatus();
    });
  }, [form, save, checkStatus]);

  const show = useCallback(
    (result: Result<PrintResultView>, what: string) => {
      if (!result.ok) {
        setMessage({ kind: 'error', text: result.error.message });
        return;
      }
      setLastPrint(result.value);
      const job = result.value.job;
      setMessage(
        job.state === 'confirmed'
          ? { kind: 'notice', text: `The printer confirmed the ${what}.` }
          : { kind: 'error', text: job.lastError?.message ?? `The ${what} did not print.` },
      );
      loadJobs();
    },
    [loadJobs],
  );

  const testPrint = useCallback(() => {
    setTesting(true);
    setMessage(null);
    void invoke('printer.testPrint', {}).then((result) => {
      setTesting(false);
      show(result, 'test receipt');
    });
  }, [show]);

  const retry = useCallback(
    (jobId: string) => {
      setTesting(true);
      void invoke('print.retry', { jobId }).then((result) => {
        setTesting(false);
        show(result, 'receipt');
      });
    },
    [show],
  );

  return { form, errors, message, saving, dirty, status, testing, lastPrint, jobs, change, submit, checkStatus, testPrint, retry };
}
