/* tslint:disable */
/* eslint-disable */
export * from './PackagesApi.js';
