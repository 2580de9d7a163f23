import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/errors/result';

/**
 * The state behind a search picker: what is typed, whether the list is open, the options main answered for it, which
 * one is highlighted. The screen hands in `load`, which calls a `<library>.list` channel: the search runs in main over
 * all rows, a page of the first matches comes back. Typing is debounced; an answer to an older search is dropped.
 */
export interface PickerOption {
  id: string;
  /** What the field shows once chosen, e.g. "0001 Lili". */
  label: string;
  /** A second, quieter line: type, category, district. */
  detail?: string;
}

export type PickerLoad = (search: string) => Promise<Result<{ options: PickerOption[]; total: number }>>;

export interface PickerState {
  text: string;
  open: boolean;
  options: readonly PickerOption[];
  total: number;
  loading: boolean;
  problem: AppError | null;
  activeIndex: number | null;
  /** Typing: opens the list and searches for the text. */
  setText(text: string): void;
  openList(): void;
  close(): void;
  highlight(index: number | null): void;
}

export function usePicker(options: { load: PickerLoad; debounceMs?: number }): PickerState {
  const debounceMs = options.debounceMs ?? 200;
  const loadRef = useRef(options.load);
  loadRef.current = options.load;
  const [text, setTextState] = useState('');
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState<{ search: string; generation: number } | null>(null);
  const [answer, setAnswer] = useState<{ options: PickerOption[]; total: number }>({ options: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const sequence = useRef(0);

  const searched = useRef(false);
  useEffect(() => {
    if (!open) return;
    // The first search of an opening goes at once (the list shows the first rows); typing after it is debounced.
    const timer = setTimeout(() => {
      searched.current = true;
      setAsked((a) => ({ search: text, generation: (a?.generation ?? 0) + 1 }));
    }, searched.current ? debounceMs : 0);
    return () => clearTimeout(timer);
  }, [text, open, debounceMs]);

  useEffect(() => {
    if (asked === null) return;
    const mine = ++sequence.current;
    setLoading(true);
    void loadRef.current(asked.search).then((result) => {
      if (mine !== sequence.current) return;
      setLoading(false);
      if (!result.ok) {
        setProblem(result.error);
        return;
      }
      setProblem(null);
      setAnswer(result.value);
      setActiveIndex(result.value.options.length > 0 ? 0 : null);
    });
  }, [asked]);

  const setText = useCallback((next: string) => {
    setTextState(next);
    setOpen(true);
  }, []);
  const openList = useCallback(() => setOpen(true), []);
  const close = useCallback(() => {
    setOpen(false);
    setTextState('');
    setAsked(null);
    searched.current = false;
    sequence.current += 1;
    setLoading(false);
  }, []);

  return { text, open, options: answer.options, total: answer.total, loading, problem, activeIndex, setText, openList, close, highlight: setActiveIndex };
}
