/** One problem with the input, as precise as the input allows. */
export type IngestIssue = {
  /** Position of the event in the batch; absent for single-event calls. */
  index?: number;
  /** Dotted path of the field at fault, or "(event)" / "(body)" for the whole thing. */
  field: string;
  message: string;
};

/** An ingest request that cannot be taken as it is; `status` is the HTTP answer. */
export class IngestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 415,
    readonly code: string,
    message: string,
    readonly details: IngestIssue[] = [],
  ) {
    super(message);
    this.name = "IngestError";
  }
}
