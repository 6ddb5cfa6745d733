export * from './environment';
export * from './processes';
export * from './database';
export * from './api-process';
export * from './graphql';
export * from './tcp-proxy';
export * from './fixtures';
export * from './service-harness';
