import { z } from 'zod';
import { channel, type ChannelName, type ChannelSpec } from '../channel-spec';
import {
  ByIdInput, CategoryInfo, CreateMeterInput, CreateMeterRangeInput, CreateMeterRangeResult, CreatePriceInput, MeterDetail,
  MeterListInput, MeterListResult, PriceListInput, PriceListResult, PriceRow, ProfileInfo, RemoveInput,
  RemoveResult, UpdateMeterInput, UpdatePriceInput,
} from '../library-schemas';
import { Empty } from '../schemas';

/** The Library Center's channels (L1): Meter Library, Price Library, meter model profiles and customer categories. */
export const libraryChannels = {
  'meters.list': channel({
    request: MeterListInput,
    response: MeterListResult,
    access: 'meters.view',
    summary: 'One page of the Meter Library: keyword search over all meters, sorted, 20/50/100 a page.',
  }),
  'meters.get': channel({
    request: ByIdInput,
    response: MeterDetail,
    access: 'meters.view',
    summary: 'One meter with its key parameters (current and pending) and last TIDs; never its secret.',
  }),
  'meters.create': channel({
    request: CreateMeterInput,
    response: MeterDetail,
    access: 'meters.edit',
    summary: 'Add one meter (number checked against its model profile).',
  }),
  'meters.createRange': channel({
    request: CreateMeterRangeInput,
    response: CreateMeterRangeResult,
    access: 'meters.edit',
    summary: 'Batch input: every meter from the first to the last number, check digits computed, in one transaction.',
  }),
  'meters.update': channel({
    request: UpdateMeterInput,
    response: MeterDetail,
    access: 'meters.edit',
    summary: 'Edit a meter; key parameters become pending once the meter has had a token.',
  }),
  'meters.remove': channel({
    request: RemoveInput,
    response: RemoveResult,
    access: 'meters.edit',
    summary: 'Remove a meter; one that has had tokens is deactivated instead.',
  }),
  'prices.list': channel({
    request: PriceListInput,
    response: PriceListResult,
    access: 'prices.view',
    summary: 'One page of the Price Library: keyword search over all prices, sorted, 20/50/100 a page.',
  }),
  'prices.get': channel({
    request: ByIdInput,
    response: PriceRow,
    access: 'prices.view',
    summary: 'One price.',
  }),
  'prices.create': channel({
    request: CreatePriceInput,
    response: PriceRow,
    access: 'prices.edit',
    summary: 'Add a price (tax-inclusive unless the vendor-compatible mode is chosen).',
  }),
  'prices.update': channel({
    request: UpdatePriceInput,
    response: PriceRow,
    access: 'prices.edit',
    summary: 'Edit a price; every edit moves its version (sales record the version they used).',
  }),
  'prices.remove': channel({
    request: RemoveInput,
    response: RemoveResult,
    access: 'prices.edit',
    summary: 'Remove a price; one used by an account is deactivated instead.',
  }),
  'profiles.list': channel({
    request: Empty,
    response: z.array(ProfileInfo),
    access: 'meters.view',
    summary: 'The meter model profiles: manufacturer code, kind, token scheme, default keys, management tokens.',
  }),
  'categories.list': channel({
    request: Empty,
    response: z.array(CategoryInfo),
    access: 'signedIn',
    summary: 'The customer categories a price (and a customer) is for.',
  }),
} as const satisfies Record<ChannelName, ChannelSpec>;
