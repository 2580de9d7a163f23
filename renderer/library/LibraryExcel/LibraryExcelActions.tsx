import { LibraryExcelView } from './LibraryExcelView';
import { useLibraryExcel, type ExcelLibrary } from './useLibraryExcel';

/** The container a library screen puts in its grid's toolbar: Export (and Import where the library has one). */
export function LibraryExcelActions(props: Readonly<{ library: ExcelLibrary; label: string; onImported: () => void }>) {
  const x = useLibraryExcel(props.library, props.onImported);
  return (
    <LibraryExcelView
      label={props.label}
      activity={x.activity}
      canExport={x.canExport}
      canImport={x.canImport}
      onExport={() => void x.exportExcel()}
      onImport={(file) => void x.importFile(file)}
      onCancel={x.cancel}
      onDownloadReport={x.downloadReport}
      onDismiss={x.dismiss}
    />
  );
}
