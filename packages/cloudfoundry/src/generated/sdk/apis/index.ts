/* tslint:disable */
/* eslint-disable */
export * from './JobsApi.js';
export * from './PackagesApi.js';
