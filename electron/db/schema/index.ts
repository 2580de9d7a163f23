export * from './app-state';
export * from './audit';
export * from './key-store';
export * from './organisation';
export * from './outbox';
export * from './security';
export * from './settings';
export * from './library';
