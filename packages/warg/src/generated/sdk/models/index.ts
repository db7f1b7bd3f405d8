/* tslint:disable */
/* eslint-disable */
export * from './ContentSource.js';
export * from './EnvelopeBody.js';
export * from './ErrorResponse.js';
export * from './FetchLogsRequest.js';
export * from './FetchLogsResponse.js';
export * from './FetchLogsResponseWarningsInner.js';
export * from './FetchNotFoundError.js';
export * from './MissingContent.js';
export * from './NamespaceNotFoundError.js';
export * from './PackageRecord.js';
export * from './ProcessingRecord.js';
export * from './PublishConflictError.js';
export * from './PublishPackageRecordRequest.js';
export * from './PublishedRecord.js';
export * from './PublishedRecordEnvelope.js';
export * from './RecordNotFoundError.js';
export * from './RejectedRecord.js';
export * from './SignedCheckpoint.js';
export * from './SignedCheckpointContents.js';
export * from './SourcingRecord.js';
export * from './UploadEndpoint.js';
