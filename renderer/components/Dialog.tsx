import { useLayoutEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

/**
 * A modal dialog over the screen (props only): labelled by its title, focus moves into it when it opens (the first
 * field, or the first button) and Escape cancels. The screen behind stays as it was.
 */
export interface DialogProps {
  id: string;
  title: string;
  onCancel: () => void;
  children: ReactNode;
  wide?: boolean;
}

export function Dialog({ id, title, onCancel, children, wide }: Readonly<DialogProps>) {
  const ref = useRef<HTMLDivElement>(null);
  // a layout effect: the focus is inside before the dialog is painted, so a key pressed the moment it shows lands in it
  useLayoutEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), button:not([disabled])');
    first?.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className={wide ? 'card dialog dialog-wide' : 'card dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
      >
        <h1 id={`${id}-title`}>{title}</h1>
        {children}
      </div>
    </div>
  );
}
