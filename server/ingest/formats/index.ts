// The document formats' public entry: detection, conversion to the seeds' format, the error.
export * from './documentFormat';
export { convertDocument } from './convertDocument';
export type { DocumentHeader } from './seedsText';
