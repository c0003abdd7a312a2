import type { ConnectionView } from '@lanes/events';
import { describe, expect, it } from 'vitest';
import { connectionBanner, connectionSummary, controlGate, recoveryNote, viewerNote } from './connection-words';

const embedded: ConnectionView = { status: 'connected', mode: 'embedded', bootstrap: '127.0.0.1:9092', since: 0, canControl: true };
const cluster: ConnectionView = { ...embedded, mode: 'external', bootstrap: 'kafka-1:9092,kafka-2:9092' };

describe('the top bar says where Lanes is connected and whether it is live', () => {
  it('names the embedded broker or the cluster by address', () => {
    expect(connectionSummary('open', embedded)).toEqual({ where: 'Embedded broker 127.0.0.1:9092', state: 'live', tone: 'ok' });
    expect(connectionSummary('open', cluster).where).toBe('Kafka cluster kafka-1:9092,kafka-2:9092');
  });

  it('tells a reconnecting Kafka from an offline gateway', () => {
    expect(connectionSummary('open', { ...embedded, status: 'reconnecting' })).toMatchObject({ state: 'reconnecting…', tone: 'warning' });
    expect(connectionSummary('open', { ...cluster, status: 'unreachable' })).toMatchObject({ state: 'unreachable', tone: 'danger' });
    expect(connectionSummary('lost', embedded)).toMatchObject({ state: 'gateway offline, reconnecting…', tone: 'danger' });
  });
});

describe('the banner says which link is down and that it recovers by itself', () => {
  it('shows nothing while everything is connected', () => {
    expect(connectionBanner('open', embedded)).toBeNull();
  });

  it('blames the gateway link when the browser lost it, whatever Kafka last did', () => {
    const banner = connectionBanner('lost', embedded)!;
    expect(banner.title).toMatch(/Lanes gateway/);
    expect(banner.detail).toMatch(/reconnects by itself/);
    expect(banner.appearAfterMs).toBe(0);
  });

  it('blames Kafka, by address, with its error, when the gateway cannot reach it', () => {
    const banner = connectionBanner('open', { ...cluster, status: 'unreachable', error: 'ECONNREFUSED' })!;
    expect(banner.title).toBe('Kafka at kafka-1:9092,kafka-2:9092 is unreachable (ECONNREFUSED).');
    expect(banner.detail).toMatch(/keeps retrying by itself.*KAFKA_BROKERS/);
    expect(banner.tone).toBe('danger');
  });

  it('promises no missing or doubled records while Kafka reconnects', () => {
    const banner = connectionBanner('open', { ...embedded, status: 'reconnecting' })!;
    expect(banner.title).toMatch(/^The embedded Kafka broker \(127\.0\.0\.1:9092\) dropped the connection\. Reconnecting by itself\.$/);
    expect(banner.detail).toMatch(/no record is missed or shown twice/);
  });

  it('waits before warning about a first connection, so a normal load does not flash', () => {
    expect(connectionBanner('connecting', null)!.appearAfterMs).toBeGreaterThan(0);
    expect(connectionBanner('open', { ...embedded, status: 'connecting' })!.appearAfterMs).toBeGreaterThan(0);
  });
});

describe('viewers watch; the presenter changes things', () => {
  it('gives viewers a quiet note and a reason on every disabled control', () => {
    const viewer = { ...embedded, canControl: false };
    expect(viewerNote(viewer)).toMatch(/You are watching/);
    expect(viewerNote(embedded)).toBeNull();
    expect(controlGate('open', viewer)).toEqual({ allowed: false, reason: expect.stringMatching(/presenter link/) });
  });

  it('allows the presenter, and disables controls while the gateway is away', () => {
    expect(controlGate('open', embedded)).toEqual({ allowed: true, reason: null });
    expect(controlGate('lost', embedded)).toEqual({ allowed: false, reason: expect.stringMatching(/Not connected/) });
    expect(controlGate('open', null).allowed).toBe(false);
  });
});

describe('coming back', () => {
  it('says the picture was reloaded when the gateway link returns', () => {
    expect(recoveryNote({ link: 'lost', status: 'connected' }, { link: 'open', status: 'connected' })).toMatch(/reloaded its picture/);
  });

  it('says Kafka is back after an outage, and nothing on a first connection', () => {
    expect(recoveryNote({ link: 'open', status: 'unreachable' }, { link: 'open', status: 'connected' })).toMatch(/Kafka is back/);
    expect(recoveryNote({ link: 'open', status: 'connecting' }, { link: 'open', status: 'connected' })).toBeNull();
    expect(recoveryNote({ link: 'connecting', status: null }, { link: 'open', status: 'connected' })).toBeNull();
  });
});
