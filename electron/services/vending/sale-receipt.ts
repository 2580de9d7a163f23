import type { Sale } from '../../../shared/ipc/vending-schemas';
import type { ReceiptSale } from '../../../shared/receipt/records';

/**
 * A stored sale as P1's receipt record (shared/receipt/records.ts). The tokens are the stored tokens in entry order:
 * a receipt, first print or reprint, never carries anything but what the sale row holds.
 */
export function receiptOfSale(sale: Sale, companyName: string): ReceiptSale {
  const levies = [{ name: 'VAT', rateBasisPoints: sale.vatBp, amountMinor: sale.vatMinor }];
  if (sale.exciseBp > 0 || sale.exciseMinor > 0) levies.push({ name: 'Excise', rateBasisPoints: sale.exciseBp, amountMinor: sale.exciseMinor });
  return {
    companyName: companyName.slice(0, 120),
    stationName: sale.stationName.slice(0, 80),
    receiptNo: sale.receiptNo,
    operator: { name: sale.operatorName.slice(0, 80), userId: sale.operatorLoginId },
    paymentType: sale.paymentType,
    customerNo: sale.customerNo,
    userCoder: sale.customerName.slice(0, 120),
    meterNo: sale.meterNo,
    meterKind: sale.meterType,
    currency: sale.currency,
    priceTenThousandths: sale.pricePerUnit,
    taxRateBasisPoints: sale.vatBp + sale.exciseBp,
    levies,
    chargeMinor: sale.chargeMinor,
    roundingMinor: sale.roundingMinor,
    totalPaidMinor: sale.paidMinor,
    unitsTenths: sale.unitsTenths,
    soldAt: sale.soldAt,
    tokens: sale.tokens.map((token) => ({ role: token.role, digits: token.digits })),
  };
}
