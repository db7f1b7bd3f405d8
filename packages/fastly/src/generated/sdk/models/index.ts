/* tslint:disable */
/* eslint-disable */
export * from './ErrorResponse.js';
export * from './PackageMetadata.js';
export * from './PackageResponse.js';
