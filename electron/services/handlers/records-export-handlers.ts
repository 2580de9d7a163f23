import { ok } from '../../../shared/errors/result';
import type { recordsExportChannels } from '../../../shared/ipc/channels/records-export';
import type { FeatureHandlers } from '../handler-types';
import { requireSession } from '../handler-types';
import type { RecordsExporter } from '../vending/records-export';

export interface RecordsExportServices {
  recordsExport: RecordsExporter;
}

/** The Record screen's Export to Excel (V2): the channel mapped to the exporter. No logic lives here. */
export function recordsExportHandlers(services: RecordsExportServices): FeatureHandlers<typeof recordsExportChannels> {
  return {
    'records.export': async (input, ctx) => ok(await services.recordsExport.export(input, requireSession(ctx).loginId)),
  };
}
