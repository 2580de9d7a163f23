import { ok } from '../../../shared/errors/result';
import type { vendingChannels } from '../../../shared/ipc/channels/vending';
import type { FeatureHandlers } from '../handler-types';
import { requireSession } from '../handler-types';
import type { TokenIssuer } from '../../sts';
import type { RecordsService } from '../vending/records-service';
import type { VendService } from '../vending/vend-service';

export interface VendingServices {
  vend: VendService;
  records: RecordsService;
  /** The core's one token issuer (no handler calls it directly; tests watch it). */
  tokenIssuer: TokenIssuer;
}

/** Vending's handlers (V1): each channel mapped to the vend or records service. No logic lives here. */
export function vendingHandlers(services: VendingServices): FeatureHandlers<typeof vendingChannels> {
  return {
    'vend.quote': (input) => ok(services.vend.quote(input)),
    'vend.confirm': async (input, ctx) => ok(await services.vend.confirm(input, requireSession(ctx))),
    'records.search': (input) => ok(services.records.search(input)),
    'records.get': (input) => ok(services.records.get(input.id)),
    'records.reprint': (input, ctx) => ok(services.records.reprint(input.id, requireSession(ctx))),
  };
}
