/** One captured exchange in a golden fixture file (src/golden/*.json): what a real client sent and got back. */
export interface GoldenPair {
  client: string;
  clientVersion: string;
  apiKey: number;
  apiName: string;
  apiVersion: number;
  /** Hex of the request frame without its int32 size prefix. */
  request: string;
  /** Hex of the response frame without its size prefix; null when none is sent (acks=0). */
  response: string | null;
}
