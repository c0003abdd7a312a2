/**
 * kafkajs 2.2.4 remembers every topic a client has used and refreshes metadata for all of them
 * before many requests; once one of them is deleted (by Lanes or by anyone else), every refresh of
 * that client fails with UNKNOWN_TOPIC_OR_PARTITION ("This server does not host this
 * topic-partition"), even for requests about other topics. The only cure kafkajs offers is a new
 * client. This tells the error apart so callers can replace the client and try once more.
 */
export function isStaleTopicError(error: unknown): boolean {
  const type = (error as { type?: string } | null)?.type;
  const message = error instanceof Error ? error.message : String(error);
  return type === 'UNKNOWN_TOPIC_OR_PARTITION' || /does not host this topic-partition/i.test(message);
}
