import { useEffect, useRef, useState } from 'react';
import { useDashboard } from '../state/dashboard-store';
import { connectionBanner, recoveryNote, viewerNote } from './connection-words';

const RECOVERY_NOTE_MS = 5000;

/**
 * Says which link is down (browser↔gateway or gateway↔Kafka), that it recovers by itself, and when
 * it is back. Viewers without control get a quiet note that they are watching.
 */
export function ConnectionBanner() {
  const link = useDashboard((s) => s.link);
  const connection = useDashboard((s) => s.connection);
  const status = connection?.status ?? null;
  const banner = connectionBanner(link, connection);
  const note = viewerNote(connection);

  // A banner that should wait (a first connection) appears only if its condition lasts.
  const [waitedFor, setWaitedFor] = useState<string | null>(null);
  const bannerKey = banner ? banner.title : null;
  const delay = banner?.appearAfterMs ?? 0;
  useEffect(() => {
    if (!bannerKey || delay === 0) return;
    const timer = setTimeout(() => setWaitedFor(bannerKey), delay);
    return () => clearTimeout(timer);
  }, [bannerKey, delay]);
  const showBanner = banner !== null && (banner.appearAfterMs === 0 || waitedFor === bannerKey);

  const [recovered, setRecovered] = useState<string | null>(null);
  const previous = useRef({ link, status });
  useEffect(() => {
    const text = recoveryNote(previous.current, { link, status });
    previous.current = { link, status };
    if (text) setRecovered(text);
  }, [link, status]);
  useEffect(() => {
    if (!recovered) return;
    const timer = setTimeout(() => setRecovered(null), RECOVERY_NOTE_MS);
    return () => clearTimeout(timer);
  }, [recovered]);

  return (
    <div className="connection-banners">
      {showBanner && (
        <div className={`connection-banner tone-${banner.tone}`} role={banner.tone === 'neutral' ? 'status' : 'alert'}>
          <strong>{banner.title}</strong> <span>{banner.detail}</span>
        </div>
      )}
      {!banner && recovered && (
        <div className="connection-banner tone-ok" role="status">
          {recovered}
        </div>
      )}
      {note && <p className="viewer-note muted">{note}</p>}
    </div>
  );
}
