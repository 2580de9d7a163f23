export * from './codes';
export * from './result';
export * from './validation';
