export * from './JobsApi';
export * from './PackagesApi';
