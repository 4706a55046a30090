/**
 * What went wrong while providing a Neo4j. Each code has one cause and one remedy, so the CLI and
 * `npm start` can print `message` as is: it is a full paragraph that says what to do.
 */
export type PlatformErrorCode =
  | 'JAVA_MISSING'
  | 'JAVA_VERSION'
  | 'MAVEN_MISSING'
  | 'JARS_BUILD_FAILED'
  | 'PORT_BUSY'
  | 'ALREADY_RUNNING'
  | 'PASSWORD_MISSING'
  | 'PASSWORD_TOO_SHORT'
  | 'AUTH_FAILED'
  | 'START_FAILED'
  | 'START_TIMEOUT'
  | 'STOP_FAILED'
  | 'LOCKED'
  | 'IMPORT_FAILED';

/** The one error class of src/platform; `code` is stable, `message` is for people. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
