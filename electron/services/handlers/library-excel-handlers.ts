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
    'library.importCancel': (input) => ok({ cancelled: services.libraryExcel.cancel(input.taskId) }),
  };
}
