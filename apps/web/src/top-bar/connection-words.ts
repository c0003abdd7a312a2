import type { ConnectionView } from '@lanes/events';
import type { LinkStatus } from '../state/dashboard-store';

/**
 * Two links can be down, and a person needs to know which: this browser's link to the Lanes
 * gateway (`link`) and the gateway's link to Kafka (`connection.status`). Both recover by
 * themselves (socket.io reconnects; the gateway retries Kafka and resumes from the last offset it
 * showed, DESIGN.md "Failure and misuse"), so the words say so instead of asking for a reload.
 */

export type Tone = 'ok' | 'warning' | 'danger' | 'neutral';

export interface ConnectionSummary {
  /** Where Lanes reads from: "Embedded broker 127.0.0.1:9092". */
  where: string;
  /** One or two words: "live", "reconnecting…". */
  state: string;
  tone: Tone;
}

export interface Banner {
  tone: Exclude<Tone, 'ok'>;
  title: string;
  detail: string;
  /** Shown only if the condition lasts this long, so a normal page load does not flash a warning. */
  appearAfterMs: number;
}

export interface ControlGate {
  allowed: boolean;
  /** Why a control is disabled, for its tooltip; null when allowed. */
  reason: string | null;
}

export function describeWhere(connection: ConnectionView | null): string {
  if (!connection) return 'Lanes gateway';
  return connection.mode === 'embedded' ? `Embedded broker ${connection.bootstrap}` : `Kafka cluster ${connection.bootstrap}`;
}

/** What the top bar shows about the connection, always. */
export function connectionSummary(link: LinkStatus, connection: ConnectionView | null): ConnectionSummary {
  const where = describeWhere(connection);
  if (link === 'connecting') return { where, state: 'connecting…', tone: 'neutral' };
  if (link === 'lost') return { where, state: 'gateway offline, reconnecting…', tone: 'danger' };
  if (!connection) return { where, state: 'loading…', tone: 'neutral' };
  switch (connection.status) {
    case 'connected':
      return { where, state: 'live', tone: 'ok' };
    case 'connecting':
      return { where, state: 'connecting…', tone: 'warning' };
    case 'reconnecting':
      return { where, state: 'reconnecting…', tone: 'warning' };
    case 'unreachable':
      return { where, state: 'unreachable', tone: 'danger' };
  }
}

function kafkaName(connection: ConnectionView): string {
  return connection.mode === 'embedded' ? `The embedded Kafka broker (${connection.bootstrap})` : `Kafka at ${connection.bootstrap}`;
}

/** The banner under the top bar while something is down; null when all is well. */
export function connectionBanner(link: LinkStatus, connection: ConnectionView | null): Banner | null {
  if (link === 'lost') {
    return {
      tone: 'danger',
      title: 'Lost the connection to the Lanes gateway (the server this page came from).',
      detail:
        'This page reconnects by itself and then reloads the whole picture, so nothing is missed. If it does not come back, check that Lanes is still running.',
      appearAfterMs: 0,
    };
  }
  if (link === 'connecting') {
    return {
      tone: 'neutral',
      title: 'Connecting to the Lanes gateway…',
      detail: 'The dashboard fills in as soon as the gateway answers. If this stays, check that Lanes is running and that this address is the one it printed.',
      appearAfterMs: 2000,
    };
  }
  if (!connection || connection.status === 'connected') return null;
  const kafka = kafkaName(connection);
  const because = connection.error ? ` (${connection.error})` : '';
  switch (connection.status) {
    case 'connecting':
      return {
        tone: 'neutral',
        title: `Connecting to ${kafka.charAt(0).toLowerCase()}${kafka.slice(1)}…`,
        detail: 'Topics, records and groups appear as soon as Kafka answers.',
        appearAfterMs: 1500,
      };
    case 'reconnecting':
      return {
        tone: 'warning',
        title: `${kafka} dropped the connection${because}. Reconnecting by itself.`,
        detail: 'The lanes resume from the last offset they showed, so no record is missed or shown twice. Changes you make meanwhile may fail; try again when this clears.',
        appearAfterMs: 0,
      };
    case 'unreachable':
      return {
        tone: 'danger',
        title: `${kafka} is unreachable${because}.`,
        detail:
          connection.mode === 'embedded'
            ? 'The gateway keeps retrying by itself. If this lasts, restart Lanes; its log says why the broker stopped.'
            : 'The gateway keeps retrying by itself. Check that Kafka is running there, or restart Lanes with KAFKA_BROKERS set to the right address.',
        appearAfterMs: 0,
      };
  }
}

/** A quiet note for people watching someone else's Lanes; null for the presenter. */
export function viewerNote(connection: ConnectionView | null): string | null {
  if (!connection || connection.canControl) return null;
  return 'You are watching. Only the presenter can create topics, produce or control consumers; open the presenter link to take part.';
}

/** Whether controls that change things are usable here, and if not, why (for their tooltip). */
export function controlGate(link: LinkStatus, connection: ConnectionView | null): ControlGate {
  if (link !== 'open') return { allowed: false, reason: 'Not connected to the Lanes gateway; this works again when the banner clears.' };
  if (!connection) return { allowed: false, reason: 'Waiting for the gateway to send its picture…' };
  if (!connection.canControl) return { allowed: false, reason: 'Watching only: the presenter link (with its token) is needed to change things.' };
  return { allowed: true, reason: null };
}

/**
 * A short "back to normal" note when a link that was down comes back, so a person knows the
 * picture is whole again (the gateway sends a full snapshot on every reconnect). Null otherwise.
 */
export function recoveryNote(
  before: { link: LinkStatus; status: ConnectionView['status'] | null },
  now: { link: LinkStatus; status: ConnectionView['status'] | null },
): string | null {
  if (before.link === 'lost' && now.link === 'open') return 'Reconnected to the Lanes gateway; the dashboard reloaded its picture from it, so nothing is missing.';
  const wasDown = before.status === 'reconnecting' || before.status === 'unreachable';
  if (now.link === 'open' && wasDown && now.status === 'connected') return 'Kafka is back; the lanes carry on from the last offset they showed.';
  return null;
}
