import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { TabStrip, type TabInfo } from '../../../../renderer/components/TabStrip';
import { click, press, render, type Rendered } from '../render';

const TABS: TabInfo[] = [
  { id: 'home', title: 'Home', icon: 'H', closable: false },
  { id: 'advanced.settings', title: 'Settings', icon: 'S', closable: true },
  { id: 'library.meters', title: 'Meter Library', icon: 'M', closable: true },
];

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
});

function Harness({ onClose }: { onClose: (id: string) => void }) {
  const [active, setActive] = useState('home');
  return <TabStrip tabs={TABS} activeTab={active} onActivate={setActive} onClose={onClose} />;
}

describe('TabStrip', () => {
  it('is a labelled tablist with one selected, focusable tab, and Close buttons named after closable tabs only', () => {
    rendered = render(<TabStrip tabs={TABS} activeTab="advanced.settings" onActivate={() => undefined} onClose={() => undefined} />);
    const list = rendered.container.querySelector('[role="tablist"]');
    expect(list?.getAttribute('aria-label')).toBe('Open screens');
    const tabs = [...rendered.container.querySelectorAll('[role="tab"]')];
    expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(tabs.map((tab) => tab.getAttribute('tabindex'))).toEqual(['-1', '0', '-1']);
    expect(tabs[1]?.getAttribute('aria-controls')).toBe('panel-advanced-settings');
    const closers = [...rendered.container.querySelectorAll('button.tab-close')].map((button) => button.getAttribute('aria-label'));
    expect(closers).toEqual(['Close Settings', 'Close Meter Library']);
  });

  it('moves with the arrow keys and closes the focused tab with Delete, never Home', () => {
    const onClose = vi.fn();
    rendered = render(<Harness onClose={onClose} />);
    const tab = (id: string) => rendered!.container.querySelector(`[data-tab-id="${id}"]`)!;
    press(tab('home'), 'ArrowRight');
    expect(tab('advanced.settings').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('advanced.settings'));
    press(tab('advanced.settings'), 'ArrowLeft');
    press(tab('home'), 'ArrowLeft');
    expect(tab('library.meters').getAttribute('aria-selected')).toBe('true');
    press(tab('library.meters'), 'Delete');
    expect(onClose).toHaveBeenCalledWith('library.meters');
    press(tab('home'), 'Delete');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes through the Close button', () => {
    const onClose = vi.fn();
    rendered = render(<Harness onClose={onClose} />);
    click(rendered.container.querySelector('[aria-label="Close Meter Library"]')!);
    expect(onClose).toHaveBeenCalledWith('library.meters');
  });
});
