import { useEffect, useRef, useState } from 'react';
import type { Permission } from '../../../shared/auth/permissions';
import type { ImportProblem, LibraryExportResult, LibraryImportResult } from '../../../shared/ipc/library-excel-schemas';
import type { Result } from '../../../shared/errors/result';
import { useTillEvent } from '../../bridge/hooks';
import { invoke } from '../../bridge/till';
import { useTill } from '../../app/till-context';
import { saveExport } from '../../advanced/AuditLog/save-export';

/**
 * Excel export and import of one library (L3): the file goes to main base64 (`<library>.import` / `.export`), the
 * `progress` events of the task drive a progress bar shown once the work has taken a second, Cancel stops an import
 * before its commit, and a refused file's problems (row, column, value, reason) are shown and downloadable.
 */
export type ExcelLibrary = 'meters' | 'prices' | 'customers' | 'districts' | 'stations' | 'accounts';
const IMPORTABLE: ReadonlySet<ExcelLibrary> = new Set(['meters', 'prices', 'customers', 'accounts']);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ExcelActivity =
  | { kind: 'idle' }
  | { kind: 'busy'; what: 'export' | 'import'; done: number; total: number; showBar: boolean; cancelling: boolean }
  | { kind: 'done'; message: string; ok: boolean; what?: 'export' | 'import'; finishedBar?: boolean }
  | { kind: 'problems'; fileName: string; problems: ImportProblem[]; reportBase64: string | null };

export interface LibraryExcelState {
  activity: ExcelActivity;
  canExport: boolean;
  canImport: boolean;
  exportExcel(): Promise<void>;
  importFile(file: File): Promise<void>;
  cancel(): void;
  downloadReport(): void;
  dismiss(): void;
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function newTaskId(library: string): string {
  return `${library}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function useLibraryExcel(library: ExcelLibrary, onImported: () => void): LibraryExcelState {
  const { permissions } = useTill();
  const [activity, setActivity] = useState<ExcelActivity>({ kind: 'idle' });
  const taskRef = useRef<string | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => {
    if (timerRef.current) clearTimeout(timerRef.current);
  }, []);

  useTillEvent('progress', (progress) => {
    if (progress.taskId !== taskRef.current) return;
    setActivity((current) => (current.kind === 'busy' ? { ...current, done: progress.done, total: progress.total } : current));
  });

  const start = (what: 'export' | 'import'): string => {
    const taskId = newTaskId(library);
    taskRef.current = taskId;
    setActivity({ kind: 'busy', what, done: 0, total: 0, showBar: false, cancelling: false });
    if (timerRef.current) clearTimeout(timerRef.current);
    // a progress bar only for work that takes longer than a second
    timerRef.current = setTimeout(() => setActivity((current) => (current.kind === 'busy' ? { ...current, showBar: true } : current)), 1000);
    return taskId;
  };
  const finish = () => {
    taskRef.current = null;
    if (timerRef.current) clearTimeout(timerRef.current);
  };

  const canExport = permissions.has(`${library}.export` as Permission);
  const canImport = IMPORTABLE.has(library) && permissions.has(`${library}.import` as Permission);

  return {
    activity,
    canExport,
    canImport,
    async exportExcel() {
      const taskId = start('export');
      const result = (await invoke(`${library}.export` as 'meters.export', { taskId })) as Result<LibraryExportResult>;
      finish();
      if (!result.ok) {
        setActivity({ kind: 'done', message: result.error.message, ok: false });
        return;
      }
      saveExport({ fileName: result.value.fileName, mimeType: XLSX, contentBase64: result.value.fileBase64, rows: result.value.rows });
      const message = `${result.value.fileName}: ${result.value.rows} ${result.value.rows === 1 ? 'row' : 'rows'} exported.`;
      setActivity((current) => ({ kind: 'done', message, ok: true, what: 'export', finishedBar: current.kind === 'busy' && current.showBar }));
    },
    async importFile(file) {
      const taskId = start('import');
      const fileBase64 = await toBase64(file);
      const result = (await invoke(`${library}.import` as 'meters.import', { fileBase64, fileName: file.name, taskId })) as Result<LibraryImportResult>;
      finish();
      if (!result.ok) {
        setActivity({ kind: 'done', message: result.error.message, ok: false });
        return;
      }
      const r = result.value;
      if (!r.saved) {
        setActivity({ kind: 'problems', fileName: file.name, problems: r.problems, reportBase64: r.reportBase64 });
        return;
      }
      const message = `${file.name}: ${r.rows} rows read, ${r.created} added, ${r.updated} changed, ${r.unchanged} unchanged.`;
      // a bar that was showing stays, at 100 %, beside the result
      setActivity((current) => ({ kind: 'done', ok: true, message, what: 'import', finishedBar: current.kind === 'busy' && current.showBar }));
      onImported();
    },
    cancel() {
      const taskId = taskRef.current;
      if (taskId === null) return;
      setActivity((current) => (current.kind === 'busy' ? { ...current, cancelling: true } : current));
      void invoke('library.importCancel', { taskId });
    },
    downloadReport() {
      if (activity.kind !== 'problems' || activity.reportBase64 === null) return;
      saveExport({ fileName: `${activity.fileName.replace(/\.xlsx$/i, '')}-problems.xlsx`, mimeType: XLSX, contentBase64: activity.reportBase64, rows: activity.problems.length });
    },
    dismiss() {
      setActivity({ kind: 'idle' });
    },
  };
}
