import type { z } from 'zod';
import type { ChannelName, ChannelSpec } from './channel-spec';
import { accessChannels } from './channels/access';
import { advancedChannels } from './channels/advanced';
import { foundationChannels } from './channels/foundation';
import { libraryChannels } from './channels/library';
import { libraryExcelChannels } from './channels/library-excel';
import { libraryPartyChannels } from './channels/library-parties';
import { printingChannels } from './channels/printing';
import { recordsExportChannels } from './channels/records-export';
import { shellChannels } from './channels/shell';
import { vendingChannels } from './channels/vending';

export type { Access, ChannelSpec } from './channel-spec';

/**
 * The only place where the channel table is assembled; each feature declares its channels in ./channels/<feature>.ts.
 * Names are `noun.verb` and are the public API: they stay stable. Both transports (Electron IPC and the browser-mode
 * HTTP host) serve exactly this table.
 */
export const contract = {
  ...foundationChannels,
  ...shellChannels,
  ...libraryChannels,
  ...libraryPartyChannels,
  ...libraryExcelChannels,
  ...accessChannels,
  ...printingChannels,
  ...vendingChannels,
  ...advancedChannels,
  ...recordsExportChannels,
} as const satisfies Record<ChannelName, ChannelSpec>;


export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
