import { AppFailure, assertNever } from '../../../shared/errors/result';
import type { IssueError, IssueResult } from '../../sts';

/**
 * The token issuer's answer as the operator sees it, for every service that issues tokens (the vend, the Advanced
 * Center's management tokens): the value, or the issuer's refusal as an AppFailure naming the meter.
 */
export function issued<T>(meterNo: string, result: IssueResult<T>): T {
  if (!result.ok) issueFailure(meterNo, result.error);
  return result.value;
}

function issueFailure(meterNo: string, error: IssueError): never {
  switch (error.code) {
    case 'KEY_UNAVAILABLE':
      throw new AppFailure('KEY_UNAVAILABLE', error.message);
    case 'KEY_EXPIRED':
      throw new AppFailure('KEY_EXPIRED', `Meter ${meterNo}: ${error.message}`);
    case 'INVALID_INPUT':
    case 'UNSUPPORTED':
      throw new AppFailure('VALIDATION', `Meter ${meterNo}: ${error.field} ${error.message}`);
    default:
      return assertNever(error.code);
  }
}
