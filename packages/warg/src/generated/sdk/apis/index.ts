export * from './FetchApi';
export * from './PackageApi';
