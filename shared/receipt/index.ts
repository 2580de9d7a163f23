/** Receipts: printer-neutral documents (ReceiptDoc), the records they are laid out from, the layouts, and printer profiles. Pure. */
export * from './layout';
export * from './print-job';
export * from './printer-profile';
export * from './receipt-doc';
export * from './records';
