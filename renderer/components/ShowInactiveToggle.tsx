import './show-inactive.css';

/**
 * "Show inactive" in a library grid's toolbar (props only): libraries whose rows are deactivated rather than deleted
 * list active rows unless this is ticked; the screen passes it to main in its list request (`showInactive`).
 */
export function ShowInactiveToggle(props: Readonly<{ id: string; checked: boolean; onChange: (checked: boolean) => void }>) {
  return (
    <label htmlFor={props.id} className="toolbar-toggle">
      <input id={props.id} type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      Show inactive
    </label>
  );
}
