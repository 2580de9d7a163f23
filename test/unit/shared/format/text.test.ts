import { describe, expect, it } from 'vitest';
import { formatOperator, graphemeLength, truncateText } from '../../../../shared/format/text';

describe('formatOperator', () => {
  it('shows name and id as the seed top bar does', () => {
    expect(formatOperator('Raymond', '0000')).toBe('Raymond (0000)');
    expect(formatOperator('员工', '009')).toBe('员工 (009)');
  });

  it('shows the id alone when the name is empty or the same', () => {
    expect(formatOperator('  ', '0000')).toBe('0000');
    expect(formatOperator('cashier', 'cashier')).toBe('cashier');
  });
});

describe('Unicode-safe lengths and cuts', () => {
  it('counts what a person sees', () => {
    expect(graphemeLength('员工')).toBe(2);
    expect(graphemeLength('e\u0301')).toBe(1);
    expect(graphemeLength('👩‍👩‍👧')).toBe(1);
    expect(graphemeLength('')).toBe(0);
  });

  it('never cuts a character in half', () => {
    expect(truncateText('员工管理员', 3)).toBe('员工…');
    expect(truncateText('👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧', 2)).toBe('👩‍👩‍👧…');
    expect(truncateText('Raymond', 7)).toBe('Raymond');
    expect(truncateText('Raymond', 0)).toBe('');
  });
});
