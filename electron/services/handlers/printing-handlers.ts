import { ok } from '../../../shared/errors/result';
import type { printingChannels } from '../../../shared/ipc/channels/printing';
import type { FeatureHandlers } from '../handler-types';
import { requireSession } from '../handler-types';
import type { PrintService } from '../print-service';
import type { ReceiptPrintingService } from '../receipt-printing-service';

export interface PrintingServices {
  print: PrintService;
  receiptPrinting: ReceiptPrintingService;
}

/** Receipt printing's handlers (P1): each channel mapped to the print service. No logic lives here. */
export function printingHandlers(services: PrintingServices): FeatureHandlers<typeof printingChannels> {
  return {
    'printer.settings': () => ok(services.print.settings()),
    'printer.saveSettings': (input, ctx) => ok(services.print.saveSettings(input, requireSession(ctx).loginId)),
    'printer.status': async () => ok(await services.print.status()),
    'printer.testPrint': async (_input, ctx) => {
      const session = requireSession(ctx);
      const result = await services.print.testPrint({ name: session.name, userId: session.loginId, stationName: session.stationName });
      return ok({ job: result.job, receipt: [...result.receipt] });
    },
    'print.jobs': (input) => ok({ jobs: services.print.jobs(input) }),
    'print.retry': async (input, ctx) => {
      const result = await services.print.retry(input.jobId, requireSession(ctx).loginId);
      return ok({ job: result.job, receipt: [...result.receipt] });
    },
    'print.sale': async (input, ctx) => {
      const result = await services.receiptPrinting.printSale(input.id, requireSession(ctx));
      return ok({ job: result.job, receipt: [...result.receipt] });
    },
    'print.record': async (input, ctx) => {
      const result = await services.receiptPrinting.printRecord(input.id, requireSession(ctx));
      return ok({ job: result.job, receipt: [...result.receipt] });
    },
  };
}
