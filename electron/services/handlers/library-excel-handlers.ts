import { ok } from '../../../shared/errors/result';
import type { libraryExcelChannels } from '../../../shared/ipc/channels/library-excel';
import type { FeatureHandlers } from '../handler-types';
import { requireSession } from '../handler-types';
import type { LibraryExcel } from '../library/excel/library-excel';

export interface LibraryExcelServices {
  libraryExcel: LibraryExcel;
}

/** Excel import and export of the libraries (L3): each channel mapped to the service that answers it. */
export function libraryExcelHandlers(services: LibraryExcelServices): FeatureHandlers<typeof libraryExcelChannels> {
  return {
    'meters.export': async (input, ctx) => ok(await services.libraryExcel.exportLibrary('meters', input, requireSession(ctx).loginId)),
    'meters.import': async (input, ctx) => ok(await services.libraryExcel.importLibrary('meters', input, requireSession(ctx).loginId)),
    'prices.export': async (input, ctx) => ok(await services.libraryExcel.exportLibrary('prices', input, requireSession(ctx).loginId)),
    'prices.import': async (input, ctx) => ok(await services.libraryExcel.importLibrary('prices', input, requireSession(ctx).loginId)),
    'customers.export': async (input, ctx) => ok(await services.libraryExcel.exportLibrary('customers', input, requireSession(ctx).loginId)),
    'customers.import': async (input, ctx) => ok(await services.libraryExcel.importLibrary('customers', input, requireSession(ctx).loginId)),
    'districts.export': async (input, ctx) => ok(await services.libraryExcel.exportLibrary('districts', input, requireSession(ctx).loginId)),
    'stations.export': async (input, ctx) => ok(await services.libraryExcel.exportLibrary('stations', input, requireSession(ctx).loginId)),
    'accounts.export': async (input, ctx) => ok(await services.libraryExcel.exportLibrary('accounts', input, requireSession(ctx).loginId)),
    'accounts.import': async (input, ctx) => ok(await services.libraryExcel.importLibrary('accounts', input, requireSession(ctx).loginId)),
    'library.importCancel': (input) => ok({ cancelled: services.libraryExcel.cancel(input.taskId) }),
  };
}
