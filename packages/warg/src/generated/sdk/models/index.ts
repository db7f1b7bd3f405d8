/* tslint:disable */
/* eslint-disable */
export * from './ContentSource.js';
export * from './EnvelopeBody.js';
export * from './ErrorResponse.js';
export * from './MissingContent.js';
export * from './NamespaceNotFoundError.js';
export * from './PackageRecord.js';
export * from './ProcessingRecord.js';
export * from './PublishConflictError.js';
export * from './PublishPackageRecordRequest.js';
export * from './PublishedRecord.js';
export * from './RecordNotFoundError.js';
export * from './RejectedRecord.js';
export * from './SourcingRecord.js';
export * from './UploadEndpoint.js';
