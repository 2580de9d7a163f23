import { ok } from '../../../shared/errors/result';
import type { advancedChannels } from '../../../shared/ipc/channels/advanced';
import type { AdvancedRecordsService } from '../advanced/advanced-records-service';
import type { ManagementService } from '../advanced/management-service';
import type { FeatureHandlers } from '../handler-types';
import { requireSession } from '../handler-types';

export interface AdvancedServices {
  management: ManagementService;
  advancedRecords: AdvancedRecordsService;
}

/** The Advanced Center's handlers (A1): each channel mapped to the management or records service. No logic lives here. */
export function advancedHandlers(services: AdvancedServices): FeatureHandlers<typeof advancedChannels> {
  return {
    'advanced.setMaxOverdraft': (input, ctx) => ok(services.management.setMaxOverdraft(input, requireSession(ctx))),
    'advanced.overdraftSupport': (input) => ok(services.management.overdraftSupport(input.accountId)),
    'advanced.clearCredit': (input, ctx) => ok(services.management.clearCredit(input, requireSession(ctx))),
    'advanced.clearTamper': (input, ctx) => ok(services.management.clearTamper(input, requireSession(ctx))),
    'advanced.setMaxPower': (input, ctx) => ok(services.management.setMaxPower(input, requireSession(ctx))),
    'advanced.keyChange': (input, ctx) => ok(services.management.keyChange(input, requireSession(ctx))),
    'advanced.testToken': (input, ctx) => ok(services.management.testToken(input, requireSession(ctx))),
    'advanced.records': (input, ctx) => ok(services.advancedRecords.records(input, requireSession(ctx))),
    'advanced.recordsExport': async (input, ctx) => ok(await services.advancedRecords.exportRecords(input, requireSession(ctx))),
    'advanced.reprint': (input, ctx) => ok(services.management.reprint(input.id, requireSession(ctx))),
    'advanced.rolloverCandidates': (input) => ok(services.advancedRecords.rolloverCandidates(input)),
    'advanced.rolloverPending': (input, ctx) => ok(services.management.markRolloverPending(input.meterIds, requireSession(ctx))),
    'tokens.decode': (input, ctx) => ok(services.advancedRecords.decode(input, requireSession(ctx))),
    'loginHistory.list': (input, ctx) => ok(services.advancedRecords.loginHistory(input, requireSession(ctx))),
    'loginHistory.export': async (input, ctx) => ok(await services.advancedRecords.exportLoginHistory(input.search, requireSession(ctx))),
  };
}
