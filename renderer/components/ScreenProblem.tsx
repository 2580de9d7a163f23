import type { AppError } from '../../shared/errors/result';

/** What a screen shows when the main side did not answer, or answered with an error: the sentence and a retry. */
export function ScreenProblem({ state, onRetry }: Readonly<{ state: { kind: 'offline'; message: string } | { kind: 'error'; error: AppError }; onRetry: () => void }>) {
  const message = state.kind === 'offline' ? state.message : state.error.message;
  return (
    <div role="alert" className="message message-error">
      {message}{' '}
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
