export * from './PackagesApi';
