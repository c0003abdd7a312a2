import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrapNote, clientSnippets, PLACEHOLDER_TOPIC, shellQuote } from './client-snippets';

const snippets = clientSnippets({ bootstrap: '127.0.0.1:19092', topic: 'orders.v1' });
const byId = Object.fromEntries(snippets.map((client) => [client.id, client]));
const scratch = mkdtempSync(join(tmpdir(), 'lanes-snippets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a real parser over a snippet: a snippet that does not parse is not ready to paste. */
function parses(command: string, args: string[], code: string, file: string): void {
  const path = join(scratch, file);
  writeFileSync(path, code);
  execFileSync(command, [...args, path], { stdio: 'pipe' });
}

describe('connect-a-client snippets', () => {
  it('offers the five clients the issue names, producer and consumer each', () => {
    expect(snippets.map((client) => client.id)).toEqual(['kcat', 'kafka-python', 'confluent-kafka', 'kafkajs', 'rust-rdkafka']);
    for (const client of snippets) {
      expect(client.snippets.some((s) => /^Produce/.test(s.title))).toBe(true);
      expect(client.snippets.some((s) => /^Consume/.test(s.title))).toBe(true);
    }
  });

  it('fills in the real bootstrap address and the selected topic everywhere', () => {
    for (const client of snippets) {
      for (const snippet of client.snippets) {
        expect(snippet.code, `${client.id}: ${snippet.title}`).toContain('127.0.0.1:19092');
        expect(snippet.code, `${client.id}: ${snippet.title}`).toContain('orders.v1');
        expect(snippet.code).not.toContain(PLACEHOLDER_TOPIC);
      }
    }
  });

  it('names every producer with a lanes-producer header, so the dashboard can say who sent a record', () => {
    for (const client of snippets) {
      const producer = client.snippets.find((s) => /^Produce/.test(s.title))!;
      expect(producer.code, client.id).toContain('lanes-producer');
    }
    expect(byId['kcat']!.snippets[0]!.code).toBe("printf 'u1:click 10\\nu2:purchase 99\\nu1:view 1\\n' | kcat -b 127.0.0.1:19092 -t orders.v1 -P -K : -H lanes-producer=kcat");
  });

  it('uses the client APIs the issue asks for', () => {
    const code = (id: string) => byId[id]!.snippets.map((s) => s.code).join('\n');
    expect(code('kcat')).toMatch(/-P[\s\S]*-C/);
    expect(code('kafka-python')).toMatch(/KafkaProducer[\s\S]*KafkaConsumer/);
    expect(code('confluent-kafka')).toMatch(/Producer\(\{[\s\S]*Consumer\(\{/);
    expect(code('kafkajs')).toMatch(/kafka\.producer\(\{ createPartitioner: Partitioners\.DefaultPartitioner \}\)[\s\S]*kafka\.consumer\(/);
    expect(code('rust-rdkafka')).toMatch(/FutureProducer[\s\S]*StreamConsumer/);
  });

  it('warns that librdkafka clients place keys differently, and says how to match Java', () => {
    for (const id of ['kcat', 'confluent-kafka', 'rust-rdkafka']) expect(byId[id]!.partitionerNote).toMatch(/CRC32[\s\S]*murmur2_random/);
    expect(byId['kafkajs']!.partitionerNote).toMatch(/murmur2/);
  });

  it('produces snippets that parse in their own language', () => {
    for (const client of snippets) {
      client.snippets.forEach((snippet, index) => {
        const name = `${client.id}-${index}`;
        if (snippet.language === 'python') parses('python3', ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())'], snippet.code, `${name}.py`);
        if (snippet.language === 'javascript') parses(process.execPath, ['--check'], snippet.code, `${name}.mjs`);
        if (snippet.language === 'shell') parses('bash', ['-n'], snippet.code, `${name}.sh`);
      });
    }
  });

  it('splits a multi-broker bootstrap into a kafkajs brokers list', () => {
    const kafkajs = clientSnippets({ bootstrap: 'k1:9092,k2:9092', topic: 't' }).find((c) => c.id === 'kafkajs')!;
    expect(kafkajs.snippets[0]!.code).toContain("brokers: ['k1:9092', 'k2:9092']");
  });

  it('uses a placeholder topic before any topic exists', () => {
    const kcat = clientSnippets({ bootstrap: 'localhost:9092', topic: null })[0]!;
    expect(kcat.snippets[0]!.code).toContain(`-t ${PLACEHOLDER_TOPIC}`);
  });

  it('quotes shell words that need it', () => {
    expect(shellQuote('127.0.0.1:9092')).toBe('127.0.0.1:9092');
    expect(shellQuote("it's here")).toBe("'it'\\''s here'");
  });

  it('reminds that a loopback address works only on the Lanes machine', () => {
    expect(bootstrapNote('127.0.0.1:9092')).toMatch(/LANES_BROKER_HOST/);
    expect(bootstrapNote('localhost:9092,[::1]:9093')).toMatch(/machine running Lanes/);
    expect(bootstrapNote('10.0.0.5:9092')).toBeNull();
  });
});
