/**
 * The one error type that carries a Chinese message meant for the user, with a code the program can act on.
 * Callers decide by `instanceof AppError` and `code`, never by matching the message's text.
 */
export type ErrorCode =
  /** A file could not be read (missing, no permission, busy, too large, not a regular file). */
  | 'read'
  /** A file could not be written; the original is unchanged. */
  | 'write'
  /** A file was read but is not what it should be (broken zip, invalid XML or JSON, unknown format). */
  | 'format'
  /** Refused on purpose: a file never granted, a page not ours, private details in a web export. */
  | 'refused'
  /** Not possible here (e.g. PDF export without a window). */
  | 'unavailable'
  /** A request that does not fit the IPC map. */
  | 'invalid'
  /** A fault of the program itself. */
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
