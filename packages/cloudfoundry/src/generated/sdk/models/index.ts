/* tslint:disable */
/* eslint-disable */
export * from './AppRelationship.js';
export * from './CopyPackageRequest.js';
export * from './CreatePackageData.js';
export * from './CreatePackageRequest.js';
export * from './ErrorItem.js';
export * from './Errors.js';
export * from './Link.js';
export * from './Metadata.js';
export * from './MetadataCreate.js';
export * from './MetadataUpdate.js';
export * from './NewPackageFields.js';
export * from './NewPackageRequest.js';
export * from './NullablePaginationLink.js';
export * from './Package.js';
export * from './PackageChecksum.js';
export * from './PackageData.js';
export * from './PackageLinks.js';
export * from './PackageList.js';
export * from './PackageRelationships.js';
export * from './PackageState.js';
export * from './PackageType.js';
export * from './Pagination.js';
export * from './PaginationLink.js';
export * from './RelationshipData.js';
export * from './UpdatePackageRequest.js';
