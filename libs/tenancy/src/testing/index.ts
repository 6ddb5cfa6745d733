export * from './tenancy-services';
