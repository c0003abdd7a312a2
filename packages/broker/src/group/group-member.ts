import type { GroupMemberView } from '../broker-events';
import type { JoinGroupResult, SyncGroupResult } from './coordinator-types';
import type { ProtocolMetadata } from './protocol-selection';

const EMPTY = Buffer.alloc(0);

/** What a member said about itself in its latest JoinGroup. */
export interface MemberJoinInfo {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: ProtocolMetadata[];
}

/** One member of a classic consumer group (Kafka's MemberMetadata). */
export class GroupMember {
  readonly memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: ProtocolMetadata[];
  /** What the leader assigned this member in the latest completed SyncGroup. */
  assignment: Buffer = EMPTY;
  lastHeartbeatAt: number;
  /** Resolves the member's parked JoinGroup; set while it waits for the join phase to end. */
  awaitingJoin: ((result: JoinGroupResult) => void) | null = null;
  /** Resolves the member's parked SyncGroup; set while it waits for the leader's assignment. */
  awaitingSync: ((result: SyncGroupResult) => void) | null = null;
  sessionTimer: NodeJS.Timeout | null = null;

  constructor(info: MemberJoinInfo, now: number) {
    this.memberId = info.memberId;
    this.groupInstanceId = info.groupInstanceId;
    this.clientId = info.clientId;
    this.clientHost = info.clientHost;
    this.sessionTimeoutMs = info.sessionTimeoutMs;
    this.rebalanceTimeoutMs = info.rebalanceTimeoutMs;
    this.protocolType = info.protocolType;
    this.protocols = info.protocols;
    this.lastHeartbeatAt = now;
  }

  /** Takes what a rejoin says; the member id never changes. */
  update(info: MemberJoinInfo): void {
    this.groupInstanceId = info.groupInstanceId;
    this.clientId = info.clientId;
    this.clientHost = info.clientHost;
    this.sessionTimeoutMs = info.sessionTimeoutMs;
    this.rebalanceTimeoutMs = info.rebalanceTimeoutMs;
    this.protocolType = info.protocolType;
    this.protocols = info.protocols;
  }

  /** The subscription bytes this member sent for `protocolName`; empty if it does not support it. */
  metadataFor(protocolName: string | null): Buffer {
    return this.protocols.find((protocol) => protocol.name === protocolName)?.metadata ?? EMPTY;
  }

  /** Answers a parked JoinGroup, if any. */
  answerJoin(result: JoinGroupResult): void {
    const resolve = this.awaitingJoin;
    this.awaitingJoin = null;
    resolve?.(result);
  }

  /** Answers a parked SyncGroup, if any. */
  answerSync(result: SyncGroupResult): void {
    const resolve = this.awaitingSync;
    this.awaitingSync = null;
    resolve?.(result);
  }

  view(): GroupMemberView {
    return {
      memberId: this.memberId,
      groupInstanceId: this.groupInstanceId,
      clientId: this.clientId,
      clientHost: this.clientHost,
      sessionTimeoutMs: this.sessionTimeoutMs,
      rebalanceTimeoutMs: this.rebalanceTimeoutMs,
      assignment: this.assignment,
    };
  }
}

export { EMPTY as EMPTY_BUFFER };
