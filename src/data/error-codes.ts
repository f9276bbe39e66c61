/** The codes of the data errors (./errors.ts), apart so that their words (./data.words.ts) can name them. */

/** What went wrong, as a stable code callers can switch on. */
export type DataErrorCode =
  | 'not-found' // the archive or a prepared file does not exist
  | 'not-gzip' // the file does not start with the gzip magic bytes
  | 'corrupt' // gzip or tar data that cannot be decoded
  | 'truncated' // the data ends in the middle of something
  | 'layout' // a valid tar archive that is not laid out like aclImdb
  | 'checksum' // a SHA-256 or size that does not match the expected one
  | 'network' // the download could not reach the server or failed on the way
  | 'format' // a prepared file of an unknown or unsupported format
  | 'exists'; // an output folder that holds something else, which writing would destroy
