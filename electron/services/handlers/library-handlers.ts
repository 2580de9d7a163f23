import { ok } from '../../../shared/errors/result';
import type { libraryChannels } from '../../../shared/ipc/channels/library';
import type { FeatureHandlers } from '../handler-types';
import { requireSession } from '../handler-types';
import type { MeterService } from '../library/meter-service';
import type { PriceService } from '../library/price-service';
import type { LibraryReference } from '../library/reference-data';

export interface LibraryServices {
  meters: MeterService;
  prices: PriceService;
  libraryReference: LibraryReference;
}

/** The Library Center's handlers (L1): each channel mapped to the service that answers it. No logic lives here. */
export function libraryHandlers(services: LibraryServices): FeatureHandlers<typeof libraryChannels> {
  return {
    'meters.list': (input) => ok(services.meters.list(input)),
    'meters.get': (input) => ok(services.meters.get(input.id)),
    'meters.create': (input, ctx) => ok(services.meters.create(input, requireSession(ctx).loginId)),
    'meters.createRange': (input, ctx) => ok(services.meters.createRange(input, requireSession(ctx).loginId)),
    'meters.update': (input, ctx) => ok(services.meters.update(input, requireSession(ctx).loginId)),
    'meters.remove': (input, ctx) => ok(services.meters.remove(input, requireSession(ctx).loginId)),
    'prices.list': (input) => ok(services.prices.list(input)),
    'prices.get': (input) => ok(services.prices.get(input.id)),
    'prices.create': (input, ctx) => ok(services.prices.create(input, requireSession(ctx).loginId)),
    'prices.update': (input, ctx) => ok(services.prices.update(input, requireSession(ctx).loginId)),
    'prices.remove': (input, ctx) => ok(services.prices.remove(input, requireSession(ctx).loginId)),
    'profiles.list': () => ok(services.libraryReference.profileInfos()),
    'categories.list': () => ok(services.libraryReference.categories()),
  };
}
