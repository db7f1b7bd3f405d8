/* tslint:disable */
/* eslint-disable */
export * from './PackageApi.js';
