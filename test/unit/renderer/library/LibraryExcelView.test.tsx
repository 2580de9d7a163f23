import { describe, expect, it, vi } from 'vitest';
import { LibraryExcelView, type LibraryExcelViewProps } from '../../../../renderer/library/LibraryExcel/LibraryExcelView';
import { click, render } from '../render';

function props(patch: Partial<LibraryExcelViewProps>): LibraryExcelViewProps {
  return {
    label: 'Meter Library',
    activity: { kind: 'idle' },
    canExport: true,
    canImport: true,
    onExport: vi.fn(),
    onImport: vi.fn(),
    onCancel: vi.fn(),
    onDownloadReport: vi.fn(),
    onDismiss: vi.fn(),
    ...patch,
  };
}

const button = (container: HTMLElement, name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) ?? null;

describe('LibraryExcelView (L3)', () => {
  it('offers Export, and Import only where the library imports and the user may', () => {
    const both = render(<LibraryExcelView {...props({})} />);
    expect(button(both.container, 'Export')).not.toBeNull();
    expect(button(both.container, 'Import')).not.toBeNull();
    expect(both.container.querySelector('input[type="file"]')?.getAttribute('aria-label')).toBe('Excel file to import into the Meter Library');
    both.unmount();
    const exportOnly = render(<LibraryExcelView {...props({ canImport: false, canExport: false })} />);
    expect(button(exportOnly.container, 'Import')).toBeNull();
    expect(button(exportOnly.container, 'Export')?.disabled).toBe(true);
    exportOnly.unmount();
  });

  it('shows the progress bar with the percentage only once the work has taken a second, and Cancel for an import', () => {
    const onCancel = vi.fn();
    const early = render(<LibraryExcelView {...props({ activity: { kind: 'busy', what: 'import', done: 0, total: 0, showBar: false, cancelling: false } })} />);
    expect(early.container.querySelector('progress')).toBeNull();
    expect(button(early.container, 'Import')?.disabled).toBe(true);
    early.unmount();
    const later = render(<LibraryExcelView {...props({ onCancel, activity: { kind: 'busy', what: 'import', done: 2000, total: 8000, showBar: true, cancelling: false } })} />);
    const bar = later.container.querySelector('progress');
    expect(bar?.getAttribute('aria-label')).toBe('Import progress');
    expect(bar?.getAttribute('value')).toBe('25');
    expect(later.container.textContent).toContain('25 % (2000 of 8000)');
    const cancel = button(later.container, 'Cancel import');
    if (!cancel) throw new Error('no Cancel');
    click(cancel);
    expect(onCancel).toHaveBeenCalledTimes(1);
    later.unmount();
  });

  it("lists a refused file's problems (row, column, value, reason) and offers the report for download", () => {
    const onDownloadReport = vi.fn();
    const shown = render(
      <LibraryExcelView
        {...props({
          onDownloadReport,
          activity: {
            kind: 'problems',
            fileName: 'meters.xlsx',
            reportBase64: 'UEs=',
            problems: [
              { row: 17, column: 'Meter number', value: '58000000017', reason: 'fails its check digit' },
              { row: 2048, column: 'Meter number', value: '58000000016', reason: 'lost its leading zeros' },
            ],
          },
        })}
      />,
    );
    const dialog = document.querySelector('[role="dialog"]');
    expect(dialog?.textContent).toContain('2 problems found; nothing was written');
    const cells = [...document.querySelectorAll('table[aria-label="Import problems"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells).toEqual([
      ['17', 'Meter number', '58000000017', 'fails its check digit'],
      ['2048', 'Meter number', '58000000016', 'lost its leading zeros'],
    ]);
    const download = button(document.body, 'Download report');
    if (!download) throw new Error('no Download report');
    click(download);
    expect(onDownloadReport).toHaveBeenCalledTimes(1);
    shown.unmount();
  });
});
