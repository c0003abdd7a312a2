import { spawn } from 'node:child_process';
import { AssignerProtocol, type Admin } from 'kafkajs';

/**
 * What Kafka really holds, read by clients other than the dashboard: the gateway's kafkajs admin
 * for offsets and group assignments, and kcat (librdkafka, from Debian) for records, reading by
 * partition assignment so no consumer group appears on the dashboard while it checks.
 */

export interface KafkaRecord {
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
}

/** Each partition's log end offset (high watermark), indexed by partition. */
export async function logEndOffsets(admin: Admin, topic: string): Promise<number[]> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const ends: number[] = [];
  for (const entry of offsets) ends[entry.partition] = Number(entry.high);
  return ends;
}

/** Every record of a topic, as kcat reads it from the start to the current end of each partition. */
export async function readTopic(bootstrap: string, topic: string): Promise<KafkaRecord[]> {
  const output = await runKcat(['-b', bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-J']);
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const json = JSON.parse(line) as { partition: number; offset: number; key: string | null; payload: string | null };
      return { partition: json.partition, offset: json.offset, key: json.key, value: json.payload };
    })
    .sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

/** Produces `key:value` lines with kcat, as an outside client on the same machine would. */
export async function produceWithKcat(bootstrap: string, topic: string, lines: readonly string[]): Promise<void> {
  await runKcat(['-b', bootstrap, '-P', '-t', topic, '-K:'], `${lines.join('\n')}\n`);
}

export interface MemberAssignment {
  clientId: string;
  partitions: number[];
}

/** The partitions of `topic` Kafka assigned to each member of a group, from DescribeGroups. */
export async function groupAssignments(admin: Admin, groupId: string, topic: string): Promise<{ state: string; members: MemberAssignment[] }> {
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups[0];
  if (!group) throw new Error(`Kafka does not describe group '${groupId}'.`);
  const members = group.members.map((member) => {
    const decoded = member.memberAssignment.length > 0 ? AssignerProtocol.MemberAssignment.decode(member.memberAssignment) : null;
    const partitions = [...(decoded?.assignment[topic] ?? [])].sort((a, b) => a - b);
    return { clientId: member.clientId, partitions };
  });
  return { state: group.state, members };
}

function runKcat(args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => reject(new Error(`Could not run kcat (apt-get install kcat): ${error.message}`)));
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`kcat ${args.join(' ')} exited with ${code}: ${stderr.trim()}`))));
    child.stdin.end(input ?? '');
  });
}
