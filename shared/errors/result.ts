import type { ErrorCode } from './codes';

/** What every reply carries when something could not be done: a code to switch on and a sentence for the operator. */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err = { readonly ok: false; readonly error: AppError };
export type Result<T> = Ok<T> | Err;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err(code: ErrorCode, message: string): Err {
  return { ok: false, error: { code, message } };
}

/** Thrown by services to abort a transaction with an operator-facing error; the handler table turns it into an Err. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

/** Ends a switch over a union: the compiler proves it unreachable, and at run time it names the value it met. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
