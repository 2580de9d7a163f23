/** The two Electron IPC channel names: one carries every contract call, one every push event. */
export const IPC_INVOKE = 'tokentill:invoke';
export const IPC_EVENT = 'tokentill:event';
