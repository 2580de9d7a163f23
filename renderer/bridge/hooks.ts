import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { EventName, EventPayload } from '../../shared/ipc/events';
import type { AppError } from '../../shared/errors/result';
import { getBridge } from './bridge';
import { invoke } from './till';

/**
 * The state every screen renders on purpose (house style 12): nothing asked yet, waiting, the answer, the main side
 * not answering, or an error with its sentence for the operator.
 */
export type ScreenState<T> =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; value: T }
  | { kind: 'offline'; message: string }
  | { kind: 'error'; error: AppError };

export function stateOfFailure<T>(error: AppError): ScreenState<T> {
  return error.code === 'HOST_UNREACHABLE' ? { kind: 'offline', message: error.message } : { kind: 'error', error };
}

/** Asks a channel when the screen mounts (and on `reload`); keeps the last answer while a reload is under way. */
export function useTillQuery<C extends Channel>(channel: C, input: RequestOf<C>): { state: ScreenState<ResponseOf<C>>; reload: () => void } {
  const [state, setState] = useState<ScreenState<ResponseOf<C>>>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(() => {
    let current = true;
    void invoke(channel, inputRef.current).then((result) => {
      if (!current) return;
      setState(result.ok ? { kind: 'ready', value: result.value } : stateOfFailure(result.error));
    });
    return () => {
      current = false;
    };
  }, [channel, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { state, reload };
}

/** Subscribes to a push event while the component is mounted; the listener may change between renders. */
export function useTillEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => getBridge().on(name, (payload) => ref.current(payload)), [name]);
}
