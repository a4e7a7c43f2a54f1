/**
 * What a failed operation tells the person who acted: a sentence, and the SDK's code/subCode for
 * support (docs/acs-codes.md). Serializable, so it travels in failure actions.
 */
export interface Failure {
  readonly message: string;
  readonly code?: number;
  readonly subCode?: number;
}
