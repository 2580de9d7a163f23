import type { Parties } from '../library/parties';
import type { VendAccountSource } from './vend-quote';

/**
 * The vend's view of an account (V1 over L2's Account and Customer Libraries): the account with its customer's number,
 * name and address, and the ids of its meter and price, read afresh inside the vend's transaction.
 */
export function partiesAccountSource(parties: Pick<Parties, 'accountRepo' | 'customerRepo'>): VendAccountSource {
  return {
    forVend(accountId) {
      const account = parties.accountRepo.byId(accountId);
      if (!account) return null;
      const customer = parties.customerRepo.byId(account.customerId);
      return {
        id: account.id,
        accountNo: account.accountNo,
        active: account.active,
        customerId: account.customerId,
        customerNo: customer?.customerNo ?? account.customerNo,
        customerName: customer?.name ?? account.customerName,
        customerAddress: customer?.address ?? '',
        customerActive: customer?.active ?? account.customerActive,
        meterId: account.meterId,
        priceId: account.priceId,
      };
    },
  };
}
