import { afterEach, describe, expect, it } from 'vitest';
import { activeColumn, versionColumn } from '../../../../../renderer/components/LibraryGrid/master-columns';
import { render, type Rendered } from '../../render';

/** The Version and Active columns the master-data grids share. */
let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('the master-data columns', () => {
  it('shows the version right-aligned, and Active as Yes or a "No" badge', () => {
    const version = versionColumn<{ version: number }, 'name'>();
    expect([version.label, version.align, version.sortKey, version.render({ version: 3 })]).toEqual(['Version', 'right', undefined, '3']);
    const active = activeColumn<{ active: boolean }, 'name'>();
    expect([active.label, active.sortKey, active.render({ active: true })]).toEqual(['Active', undefined, 'Yes']);
    view = render(<>{active.render({ active: false })}</>);
    expect(view.container.innerHTML).toBe('<span class="badge badge-off">No</span>');
  });

  it('sorts by Active where the list can', () => {
    expect(activeColumn<{ active: boolean }, 'active' | 'name'>('active').sortKey).toBe('active');
  });
});
