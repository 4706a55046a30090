/** Errors: the public code vocabulary, the one error class, and the mappings into it. */
export { ErrorCode, isErrorCode } from './ErrorCode.js';
export { AppError, isAppError } from './AppError.js';
export { fromNeo4jError, neo4jReason } from './fromNeo4jError.js';
export { createFormatError, type FormatErrorOptions } from './formatError.js';
