import { useRef, type KeyboardEvent } from 'react';
import { tabForKey } from '../app/shell-state';

export interface TabInfo {
  id: string;
  title: string;
  icon: string;
  closable: boolean;
}

export interface TabStripProps {
  tabs: readonly TabInfo[];
  activeTab: string;
  onActivate: (id: string) => void;
  onClose: (id: string) => void;
}

export function tabElementId(id: string): string {
  return `tab-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function panelElementId(id: string): string {
  return `panel-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The open screens as tabs (WAI-ARIA tabs pattern): arrow keys, Home and End move between tabs, Delete closes the
 * focused tab; each closable tab has its own Close button named after it. Home is first and cannot be closed.
 */
export function TabStrip({ tabs, activeTab, onActivate, onClose }: Readonly<TabStripProps>) {
  const listRef = useRef<HTMLDivElement>(null);
  const ids = tabs.map((tab) => tab.id);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'tab') return;
    const current = target.dataset.tabId ?? activeTab;
    if (event.key === 'Delete') {
      const tab = tabs.find((t) => t.id === current);
      if (tab?.closable) {
        event.preventDefault();
        onClose(tab.id);
      }
      return;
    }
    const next = tabForKey(ids, current, event.key);
    if (next === null) return;
    event.preventDefault();
    onActivate(next);
    listRef.current?.querySelector<HTMLElement>(`#${tabElementId(next)}`)?.focus();
  };
  return (
    <div className="tabstrip" role="tablist" aria-label="Open screens" ref={listRef} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.id === activeTab;
        return (
          <div key={tab.id} className={selected ? 'tab tab-active' : 'tab'} role="presentation">
            <button
              type="button"
              role="tab"
              id={tabElementId(tab.id)}
              data-tab-id={tab.id}
              aria-selected={selected}
              aria-controls={panelElementId(tab.id)}
              tabIndex={selected ? 0 : -1}
              className="tab-button"
              onClick={() => onActivate(tab.id)}
            >
              <span aria-hidden="true" className="tab-icon">
                {tab.icon}
              </span>
              {tab.title}
            </button>
            {tab.closable ? (
              <button type="button" className="tab-close" aria-label={`Close ${tab.title}`} tabIndex={selected ? 0 : -1} onClick={() => onClose(tab.id)}>
                ×
              </button>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
