export * from './standard-catalogue';
