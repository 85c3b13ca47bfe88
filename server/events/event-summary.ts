/** An event of the log as lists show it (live events, the delivery log, traces): its columns without the payload. */
export type EventSummary = {
  position: number;
  sourceId: string;
  messageId: string;
  type: string;
  event: string | null;
  userId: string | null;
  anonymousId: string | null;
  receivedAt: string;
};

export type SummaryRow = {
  position: bigint | number | string;
  source_id: string;
  message_id: string;
  type: string;
  event: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  received_at_ms: bigint | number | string;
};

export function summaryColumns(dialect: "sqlite" | "postgres"): string {
  const receivedAt = dialect === "postgres" ? "(extract(epoch from received_at) * 1000)::bigint" : "received_at";
  return `position, source_id, message_id, type, event, user_id, anonymous_id, ${receivedAt} AS received_at_ms`;
}

export function toSummary(row: SummaryRow): EventSummary {
  return {
    position: Number(row.position),
    sourceId: row.source_id,
    messageId: row.message_id,
    type: row.type,
    event: row.event,
    userId: row.user_id,
    anonymousId: row.anonymous_id,
    receivedAt: new Date(Number(row.received_at_ms)).toISOString(),
  };
}
