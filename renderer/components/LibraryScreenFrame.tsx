import type { ReactNode } from 'react';
import type { ScreenState } from '../bridge/hooks';
import { Message } from './Fields';
import { LibraryGrid, type GridColumn } from './LibraryGrid/LibraryGrid';
import { gridStateProps, type LibraryGridState } from './LibraryGrid/useLibraryGrid';
import { RemoveDialog } from './RemoveDialog';
import { ScreenProblem } from './ScreenProblem';
import { ShowInactiveToggle } from './ShowInactiveToggle';

/**
 * The frame every library-style screen repeated (the Library Center's libraries, the Password Center's users and
 * roles): a lookup's problem, the notice of the last change, the grid with its toolbar, the screen's own dialogs, and
 * the Remove confirmation. Props only, like LibraryGrid: the screen's hook owns the state and calls main. What differs
 * between screens (columns, the New/Edit dialog, extra toolbar buttons) comes in as props and children.
 */
/**
 * The props every library-style view takes and hands to the frame unchanged: a view's props interface extends this,
 * and the view passes itself as `view` (so the eight pass-through lines are written once, here).
 */
export interface LibraryViewProps<Row, S extends string> {
  grid: LibraryGridState<Row, S>;
  /** The answer of the last save or remove. */
  notice: string | null;
  /** The Excel Import / Export buttons (L3), last in the grid's toolbar. */
  excel?: ReactNode;
  onNew: () => void;
  onEdit: () => void;
  onRemove: () => void;
  onConfirmRemove: () => void;
  /** Closes whichever dialog is open (the screen shows one at a time). */
  onClose: () => void;
}

export interface LibraryScreenFrameProps<Row, S extends string> {
  view: Readonly<LibraryViewProps<Row, S>>;
  /** The grid's name, e.g. "District Library" (the toolbar's and table's accessible name). */
  label: string;
  columns: ReadonlyArray<GridColumn<Row, S>>;
  rowKey: (row: Row) => string;
  /** Whether the operator may change the library (their permission); see also `lookup`. */
  canEdit: boolean;
  /**
   * A list the screen's dialogs need (categories, model profiles, roles): while it is not ready New, Edit and Remove
   * stay off, because the dialog could not offer its choices; when it failed, its sentence and "Try again" show above.
   */
  lookup?: { state: ScreenState<unknown>; onRetry: () => void };
  /** The "Show inactive" toggle, first in the toolbar after Remove (the libraries whose rows can be deactivated). */
  showInactive?: { id: string; checked: boolean; onChange: (show: boolean) => void };
  /** The screen's own toolbar buttons (e.g. "New range", "Reset Password"), after "Show inactive". */
  extraActions?: ReactNode;
  /** What main does instead of removing a row that others point at, shown in the Remove confirmation. */
  removeNote: string;
  /** The Remove confirmation while it is open (the dialog state's 'remove' kind), or null. */
  removing: { what: string; problem: string | null; busy: boolean } | null;
  /** The screen's other dialogs (New/Edit and the like), rendered after the grid; a screen shows one dialog at a time. */
  children?: ReactNode;
}

export function LibraryScreenFrame<Row, S extends string>(props: Readonly<LibraryScreenFrameProps<Row, S>>) {
  const { view, lookup, showInactive } = props;
  const { grid } = view;
  const lookupReady = lookup === undefined || lookup.state.kind === 'ready';
  return (
    <div className="screen">
      {lookup && (lookup.state.kind === 'offline' || lookup.state.kind === 'error') ? <ScreenProblem state={lookup.state} onRetry={lookup.onRetry} /> : null}
      {view.notice ? <Message kind="notice">{view.notice}</Message> : null}
      <LibraryGrid
        label={props.label}
        columns={props.columns}
        {...gridStateProps(grid)}
        rowKey={props.rowKey}
        canEdit={props.canEdit && lookupReady}
        onNew={view.onNew}
        onEdit={view.onEdit}
        onRemove={view.onRemove}
        extraActions={
          <>
            {showInactive ? <ShowInactiveToggle id={showInactive.id} checked={showInactive.checked} onChange={showInactive.onChange} /> : null}
            {props.extraActions}
            {view.excel}
          </>
        }
      />
      {props.children}
      {props.removing ? (
        <RemoveDialog
          what={props.removing.what}
          note={props.removeNote}
          problem={props.removing.problem}
          busy={props.removing.busy}
          onConfirm={view.onConfirmRemove}
          onCancel={view.onClose}
        />
      ) : null}
    </div>
  );
}
