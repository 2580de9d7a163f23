import { ok } from '../../../shared/errors/result';
import type { libraryPartyChannels } from '../../../shared/ipc/channels/library-parties';
import type { FeatureHandlers } from '../handler-types';
import { requireSession } from '../handler-types';
import type { AccountService } from '../library/account-service';
import type { CustomerService } from '../library/customer-service';
import type { DistrictService } from '../library/district-service';
import type { StationService } from '../library/station-service';

export interface LibraryPartyServices {
  districts: DistrictService;
  stations: StationService;
  customers: CustomerService;
  accounts: AccountService;
}

/** The L2 libraries' handlers: each channel mapped to the service that answers it. No logic lives here. */
export function libraryPartyHandlers(services: LibraryPartyServices): FeatureHandlers<typeof libraryPartyChannels> {
  return {
    'districts.list': (input) => ok(services.districts.list(input)),
    'districts.get': (input) => ok(services.districts.get(input.id)),
    'districts.create': (input, ctx) => ok(services.districts.create(input, requireSession(ctx).loginId)),
    'districts.update': (input, ctx) => ok(services.districts.update(input, requireSession(ctx).loginId)),
    'districts.remove': (input, ctx) => ok(services.districts.remove(input, requireSession(ctx).loginId)),
    'stations.list': (input) => ok(services.stations.list(input)),
    'stations.get': (input) => ok(services.stations.get(input.id)),
    'stations.create': (input, ctx) => ok(services.stations.create(input, requireSession(ctx).loginId)),
    'stations.update': (input, ctx) => ok(services.stations.update(input, requireSession(ctx).loginId)),
    'stations.remove': (input, ctx) => ok(services.stations.remove(input, requireSession(ctx).loginId)),
    'customers.list': (input) => ok(services.customers.list(input)),
    'customers.get': (input) => ok(services.customers.get(input.id)),
    'customers.create': (input, ctx) => ok(services.customers.create(input, requireSession(ctx).loginId)),
    'customers.update': (input, ctx) => ok(services.customers.update(input, requireSession(ctx).loginId)),
    'customers.remove': (input, ctx) => ok(services.customers.remove(input, requireSession(ctx).loginId)),
    'accounts.list': (input) => ok(services.accounts.list(input)),
    'accounts.get': (input) => ok(services.accounts.get(input.id)),
    'accounts.create': (input, ctx) => ok(services.accounts.create(input, requireSession(ctx).loginId)),
    'accounts.update': (input, ctx) => ok(services.accounts.update(input, requireSession(ctx).loginId)),
    'accounts.remove': (input, ctx) => ok(services.accounts.remove(input, requireSession(ctx).loginId)),
    'accounts.priceChoices': (input) => ok(services.accounts.priceChoices(input)),
    'accounts.forTopUp': (input) => ok(services.accounts.forTopUp(input)),
  };
}
