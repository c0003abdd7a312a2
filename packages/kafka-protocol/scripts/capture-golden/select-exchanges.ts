/**
 * Keeps one or two exchanges per (apiKey, apiVersion) so fixtures stay small and readable:
 * the first answered one, plus one that adds something the first lacks (an unanswered acks=0
 * Produce, or the largest exchange, which is the Fetch that carries records or the Metadata
 * that lists topics). Exchanges over `maxBytes` are never kept.
 */
import type { RecordedExchange } from './recording-proxy';

export const DEFAULT_MAX_EXCHANGE_BYTES = 8 * 1024;

export function selectExchanges(exchanges: readonly RecordedExchange[], maxBytes = DEFAULT_MAX_EXCHANGE_BYTES): RecordedExchange[] {
  const byApi = new Map<string, RecordedExchange[]>();
  for (const exchange of exchanges) {
    if (sizeOf(exchange) > maxBytes) continue;
    const key = `${exchange.apiKey}/${exchange.apiVersion}`;
    byApi.set(key, [...(byApi.get(key) ?? []), exchange]);
  }
  const kept: RecordedExchange[] = [];
  for (const candidates of byApi.values()) {
    const first = candidates.find((exchange) => exchange.response !== null) ?? candidates[0]!;
    kept.push(first);
    const second = secondChoice(first, candidates);
    if (second) kept.push(second);
  }
  return kept.sort((a, b) => a.apiKey - b.apiKey || a.apiVersion - b.apiVersion);
}

function secondChoice(first: RecordedExchange, candidates: readonly RecordedExchange[]): RecordedExchange | undefined {
  const others = candidates.filter((exchange) => exchange !== first);
  const unanswered = others.find((exchange) => exchange.response === null);
  if (first.response !== null && unanswered) return unanswered;
  const largest = others.reduce<RecordedExchange | undefined>(
    (best, exchange) => (best === undefined || sizeOf(exchange) > sizeOf(best) ? exchange : best),
    undefined,
  );
  return largest && sizeOf(largest) > sizeOf(first) ? largest : undefined;
}

function sizeOf(exchange: RecordedExchange): number {
  return exchange.request.length + (exchange.response?.length ?? 0);
}
