export * from './ErrorResponse';
export * from './PackageMetadata';
export * from './PackageResponse';
