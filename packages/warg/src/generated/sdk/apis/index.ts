export * from './PackageApi';
