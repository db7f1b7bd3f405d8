/* tslint:disable */
/* eslint-disable */
export * from './FetchApi.js';
export * from './PackageApi.js';
