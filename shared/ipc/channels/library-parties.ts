import { z } from 'zod';
import { channel, type ChannelName, type ChannelSpec } from '../channel-spec';
import { ByIdInput, RemoveInput, RemoveResult } from '../library-schemas';
import {
  AccountListInput, AccountListResult, AccountPriceChoice, AccountPriceChoicesInput, AccountRow, CreateAccountInput,
  CreateCustomerInput, CreateDistrictInput, CreateStationInput, CustomerListInput, CustomerListResult, CustomerRow,
  DistrictListInput, DistrictListResult, DistrictRow, StationListInput, StationListResult, StationRow, TopUpListInput,
  TopUpListResult, UpdateAccountInput, UpdateCustomerInput, UpdateDistrictInput, UpdateStationInput,
} from '../parties-schemas';

/**
 * The Library Center's channels of L2: Customer, District, Sales Station and Account Libraries, and the Top-up query
 * (`accounts.forTopUp`, the grid a cashier sells from: open to `vend`). Removal never deletes a row that others point
 * at: it deactivates it, and the answer says so.
 */
export const libraryPartyChannels = {
  'districts.list': channel({
    request: DistrictListInput,
    response: DistrictListResult,
    access: 'districts.view',
    summary: 'One page of the District Library: keyword search over code, name and description; inactive rows on request.',
  }),
  'districts.get': channel({ request: ByIdInput, response: DistrictRow, access: 'districts.view', summary: 'One district.' }),
  'districts.create': channel({ request: CreateDistrictInput, response: DistrictRow, access: 'districts.edit', summary: 'Add a district (unique code).' }),
  'districts.update': channel({ request: UpdateDistrictInput, response: DistrictRow, access: 'districts.edit', summary: 'Edit a district; every edit moves its version.' }),
  'districts.remove': channel({
    request: RemoveInput,
    response: RemoveResult,
    access: 'districts.edit',
    summary: 'Remove a district; one that stations or customers are in is deactivated instead.',
  }),
  'stations.list': channel({
    request: StationListInput,
    response: StationListResult,
    access: 'stations.view',
    summary: 'One page of the Sales Station Library: keyword search over code, name, district, address and phone.',
  }),
  'stations.get': channel({ request: ByIdInput, response: StationRow, access: 'stations.view', summary: 'One sales station.' }),
  'stations.create': channel({ request: CreateStationInput, response: StationRow, access: 'stations.edit', summary: 'Add a sales station (unique code, in a district).' }),
  'stations.update': channel({ request: UpdateStationInput, response: StationRow, access: 'stations.edit', summary: 'Edit a sales station; every edit moves its version.' }),
  'stations.remove': channel({
    request: RemoveInput,
    response: RemoveResult,
    access: 'stations.edit',
    summary: "Remove a sales station; one with accounts or sales is deactivated instead, and this terminal's own station stays.",
  }),
  'customers.list': channel({
    request: CustomerListInput,
    response: CustomerListResult,
    access: 'customers.view',
    summary: 'One page of the Customer Library: keyword search over all customers (number, name, phone, email, address, identity number, district, category).',
  }),
  'customers.get': channel({ request: ByIdInput, response: CustomerRow, access: 'customers.view', summary: 'One customer.' }),
  'customers.create': channel({ request: CreateCustomerInput, response: CustomerRow, access: 'customers.edit', summary: 'Add a customer (unique customer number, leading zeros kept).' }),
  'customers.update': channel({ request: UpdateCustomerInput, response: CustomerRow, access: 'customers.edit', summary: 'Edit a customer; every edit moves its version.' }),
  'customers.remove': channel({
    request: RemoveInput,
    response: RemoveResult,
    access: 'customers.edit',
    summary: 'Remove a customer; one with accounts is deactivated instead (its accounts keep pointing at it).',
  }),
  'accounts.list': channel({
    request: AccountListInput,
    response: AccountListResult,
    access: 'accounts.view',
    summary: 'One page of the Account Library: keyword search over account number, customer, meter, sales station and price.',
  }),
  'accounts.get': channel({ request: ByIdInput, response: AccountRow, access: 'accounts.view', summary: 'One account.' }),
  'accounts.create': channel({
    request: CreateAccountInput,
    response: AccountRow,
    access: 'accounts.edit',
    summary: "Open an account: a customer, a meter (one active account per meter), a sales station and a price for the meter's type and the customer's category.",
  }),
  'accounts.update': channel({ request: UpdateAccountInput, response: AccountRow, access: 'accounts.edit', summary: 'Edit an account; every edit moves its version.' }),
  'accounts.remove': channel({
    request: RemoveInput,
    response: RemoveResult,
    access: 'accounts.edit',
    summary: 'Remove an account; one with sales or tokens is deactivated instead.',
  }),
  'accounts.priceChoices': channel({
    request: AccountPriceChoicesInput,
    response: z.array(AccountPriceChoice),
    access: 'accounts.edit',
    summary: "The active prices an account of this customer and meter may have: the meter's type and the customer's category.",
  }),
  'accounts.forTopUp': channel({
    request: TopUpListInput,
    response: TopUpListResult,
    // the Top-up Center sells from it and every Advanced Center action chooses its customer from it
    access: ['vend', 'advanced.setMaxOverdraft', 'advanced.clearCredit', 'advanced.clearTamper', 'advanced.setMaxPower', 'advanced.keyChange', 'advanced.testToken', 'tokens.decode'],
    summary: "The Top-up Center's grid: accounts it sells to (account, customer, meter and price active), searchable by any column, paged. Also the customer picker of the Advanced Center's actions and Decode Token.",
  }),
} as const satisfies Record<ChannelName, ChannelSpec>;
