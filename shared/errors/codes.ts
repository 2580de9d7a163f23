/**
 * The closed list of error codes a reply can carry. Adding a code is a deliberate API change: the renderer and
 * scripts switch on these. Each reply pairs the code with a sentence the operator can act on.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'ORIGIN_REFUSED',
  'NOT_SIGNED_IN',
  'PERMISSION_DENIED',
  'PASSWORD_CHANGE_REQUIRED',
  'SETUP_REQUIRED',
  'SETUP_DONE',
  'LOGIN_FAILED',
  'LOGIN_LOCKED',
  'SESSION_LOCKED',
  'PASSWORD_POLICY',
  'VEND_PASSWORD_WRONG',
  'VEND_LOCKED',
  'KEY_STORE_LOCKED',
  'KEY_STORE_PASSPHRASE_WRONG',
  'NOT_FOUND',
  'CONFLICT',
  'STARTUP_FAILED',
  'HOST_UNREACHABLE',
  'CENTRAL_UNREACHABLE',
  'CENTRAL_REJECTED',
  'PRINTER_OFFLINE',
  'PAPER_OUT',
  'COVER_OPEN',
  'PRINT_INTERRUPTED',
  'PRINT_UNCONFIRMED',
  'PRINTER_NOT_CONFIGURED',
  'CLOCK_BEHIND',
  'PRICE_CHANGED',
  'KEY_UNAVAILABLE',
  'KEY_EXPIRED',
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
