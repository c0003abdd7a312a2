/**
 * Ready-to-paste snippets for "Connect a client": the real bootstrap address and the selected topic
 * filled in, a `lanes-producer` header so the dashboard can name who produced each record, and a
 * group id so consumers show up in the groups panel. The partitioner notes come from
 * docs/partitioning-facts.md: librdkafka-based clients hash keys with CRC32 by default, so the same
 * key can land in another lane than from a Java or kafkajs producer.
 */

export type ClientId = 'kcat' | 'kafka-python' | 'confluent-kafka' | 'kafkajs' | 'rust-rdkafka';

export interface Snippet {
  title: string;
  language: 'shell' | 'python' | 'javascript' | 'rust' | 'toml';
  code: string;
}

export interface ClientSnippets {
  id: ClientId;
  label: string;
  install: string;
  /** How this client chooses a partition for a key, and how to match Java if it differs. */
  partitionerNote: string;
  snippets: Snippet[];
}

export interface SnippetTarget {
  bootstrap: string;
  /** The selected topic; null before any topic exists. */
  topic: string | null;
}

/** Used in snippets while no topic is selected. */
export const PLACEHOLDER_TOPIC = 'my-topic';

const EXAMPLE_MESSAGES: readonly (readonly [string, string])[] = [
  ['u1', 'click 10'],
  ['u2', 'purchase 99'],
  ['u1', 'view 1'],
];

function librdkafkaNote(howToMatchJava: string): string {
  return `librdkafka hashes keys with CRC32 (its default partitioner, consistent_random), not murmur2 like Java and kafkajs, so a key can land in another lane than from the producer panel. ${howToMatchJava} to match Java.`;
}

export function clientSnippets({ bootstrap, topic }: SnippetTarget): ClientSnippets[] {
  const t = topic ?? PLACEHOLDER_TOPIC;
  return [kcat(bootstrap, t), kafkaPython(bootstrap, t), confluentKafka(bootstrap, t), kafkajs(bootstrap, t), rustRdkafka(bootstrap, t)];
}

function kcat(bootstrap: string, topic: string): ClientSnippets {
  const b = shellQuote(bootstrap);
  const t = shellQuote(topic);
  const lines = EXAMPLE_MESSAGES.map(([key, value]) => `${key}:${value}`).join('\\n');
  return {
    id: 'kcat',
    label: 'kcat',
    install: 'apt install kcat   # or: brew install kcat',
    partitionerNote: librdkafkaNote('Add -X partitioner=murmur2_random'),
    snippets: [
      { title: 'Produce (one key:value per line)', language: 'shell', code: `printf '${lines}\\n' | kcat -b ${b} -t ${t} -P -K : -H lanes-producer=kcat` },
      { title: 'Consume from the beginning', language: 'shell', code: `kcat -b ${b} -t ${t} -C -o beginning -f 'p%p @ %o  key=%k  %s\\n'` },
      { title: 'Consume in a group (shows in the groups panel)', language: 'shell', code: `kcat -b ${b} -G kcat-readers -X auto.offset.reset=earliest ${t}` },
    ],
  };
}

function kafkaPython(bootstrap: string, topic: string): ClientSnippets {
  const b = pyString(bootstrap);
  const t = pyString(topic);
  return {
    id: 'kafka-python',
    label: 'kafka-python',
    install: 'pip install kafka-python',
    partitionerNote: 'kafka-python hashes keys with murmur2 like Java and kafkajs, so keys land in the same lanes. Records without a key go to a random partition, chosen per message.',
    snippets: [
      {
        title: 'Produce',
        language: 'python',
        code: [
          'from kafka import KafkaProducer',
          '',
          `producer = KafkaProducer(bootstrap_servers=${b})`,
          `for key, value in ${pyPairs()}:`,
          `    producer.send(${t}, key=key.encode(), value=value.encode(),`,
          "                  headers=[('lanes-producer', b'kafka-python')])",
          'producer.flush()',
        ].join('\n'),
      },
      {
        title: 'Consume in a group',
        language: 'python',
        code: [
          'from kafka import KafkaConsumer',
          '',
          `consumer = KafkaConsumer(${t}, bootstrap_servers=${b},`,
          "                         group_id='python-readers', auto_offset_reset='earliest')",
          'for record in consumer:',
          "    print(f'p{record.partition} @ {record.offset} key={record.key} {record.value}')",
        ].join('\n'),
      },
    ],
  };
}

function confluentKafka(bootstrap: string, topic: string): ClientSnippets {
  const b = pyString(bootstrap);
  const t = pyString(topic);
  return {
    id: 'confluent-kafka',
    label: 'confluent-kafka',
    install: 'pip install confluent-kafka',
    partitionerNote: librdkafkaNote("Add 'partitioner': 'murmur2_random' to the config"),
    snippets: [
      {
        title: 'Produce',
        language: 'python',
        code: [
          'from confluent_kafka import Producer',
          '',
          `producer = Producer({'bootstrap.servers': ${b}})`,
          `for key, value in ${pyPairs()}:`,
          `    producer.produce(${t}, key=key, value=value, headers={'lanes-producer': 'confluent-kafka'})`,
          'producer.flush()',
        ].join('\n'),
      },
      {
        title: 'Consume in a group',
        language: 'python',
        code: [
          'from confluent_kafka import Consumer',
          '',
          `consumer = Consumer({'bootstrap.servers': ${b}, 'group.id': 'confluent-readers',`,
          "                     'auto.offset.reset': 'earliest'})",
          `consumer.subscribe([${t}])`,
          'try:',
          '    while True:',
          '        msg = consumer.poll(1.0)',
          '        if msg is None:',
          '            continue',
          '        if msg.error():',
          '            print(msg.error())',
          '            continue',
          "        print(f'p{msg.partition()} @ {msg.offset()} key={msg.key()} {msg.value()}')",
          'finally:',
          '    consumer.close()',
        ].join('\n'),
      },
    ],
  };
}

function kafkajs(bootstrap: string, topic: string): ClientSnippets {
  const brokers = `[${bootstrap.split(',').map((broker) => jsString(broker.trim())).join(', ')}]`;
  const t = jsString(topic);
  const connect = (imports: string) => [`import { ${imports} } from 'kafkajs';`, '', `const kafka = new Kafka({ clientId: 'my-app', brokers: ${brokers} });`];
  return {
    id: 'kafkajs',
    label: 'kafkajs',
    install: 'npm install kafkajs   # save as lanes.mjs, run with: node lanes.mjs',
    partitionerNote: "kafkajs 2.x's default partitioner is Java's murmur2, so keys land where the producer panel's kafkajs profile puts them. Records without a key go round robin.",
    snippets: [
      {
        title: 'Produce',
        language: 'javascript',
        code: [
          ...connect('Kafka, Partitioners'),
          '// Naming the partitioner silences kafkajs 2.x\'s warning about its changed default.',
          'const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });',
          'await producer.connect();',
          'await producer.send({',
          `  topic: ${t},`,
          '  messages: [',
          ...EXAMPLE_MESSAGES.map(([key, value]) => `    { key: ${jsString(key)}, value: ${jsString(value)}, headers: { 'lanes-producer': 'kafkajs' } },`),
          '  ],',
          '});',
          'await producer.disconnect();',
        ].join('\n'),
      },
      {
        title: 'Consume in a group',
        language: 'javascript',
        code: [
          ...connect('Kafka'),
          "const consumer = kafka.consumer({ groupId: 'kafkajs-readers' });",
          'await consumer.connect();',
          `await consumer.subscribe({ topic: ${t}, fromBeginning: true });`,
          'await consumer.run({',
          '  eachMessage: async ({ partition, message }) => {',
          '    console.log(`p${partition} @ ${message.offset} key=${message.key} ${message.value}`);',
          '  },',
          '});',
        ].join('\n'),
      },
    ],
  };
}

function rustRdkafka(bootstrap: string, topic: string): ClientSnippets {
  const b = rustString(bootstrap);
  const t = rustString(topic);
  const pairs = EXAMPLE_MESSAGES.map(([key, value]) => `(${rustString(key)}, ${rustString(value)})`).join(', ');
  return {
    id: 'rust-rdkafka',
    label: 'Rust rdkafka',
    install: 'cargo add rdkafka@0.36 && cargo add tokio --features full',
    partitionerNote: librdkafkaNote('Add .set("partitioner", "murmur2_random")'),
    snippets: [
      {
        title: 'Produce (FutureProducer)',
        language: 'rust',
        code: [
          'use std::time::Duration;',
          'use rdkafka::config::ClientConfig;',
          'use rdkafka::message::{Header, OwnedHeaders};',
          'use rdkafka::producer::{FutureProducer, FutureRecord};',
          '',
          '#[tokio::main]',
          'async fn main() -> Result<(), Box<dyn std::error::Error>> {',
          '    let producer: FutureProducer = ClientConfig::new()',
          `        .set("bootstrap.servers", ${b})`,
          '        .create()?;',
          `    for (key, value) in [${pairs}] {`,
          '        let headers = OwnedHeaders::new().insert(Header { key: "lanes-producer", value: Some("rust-rdkafka") });',
          `        let record = FutureRecord::to(${t}).key(key).payload(value).headers(headers);`,
          '        let (partition, offset) = producer.send(record, Duration::from_secs(5)).await.map_err(|(error, _)| error)?;',
          '        println!("{key} -> p{partition} @ {offset}");',
          '    }',
          '    Ok(())',
          '}',
        ].join('\n'),
      },
      {
        title: 'Consume in a group (StreamConsumer)',
        language: 'rust',
        code: [
          'use rdkafka::config::ClientConfig;',
          'use rdkafka::consumer::{Consumer, StreamConsumer};',
          'use rdkafka::Message;',
          '',
          '#[tokio::main]',
          'async fn main() -> Result<(), Box<dyn std::error::Error>> {',
          '    let consumer: StreamConsumer = ClientConfig::new()',
          `        .set("bootstrap.servers", ${b})`,
          '        .set("group.id", "rust-readers")',
          '        .set("auto.offset.reset", "earliest")',
          '        .create()?;',
          `    consumer.subscribe(&[${t}])?;`,
          '    loop {',
          '        let message = consumer.recv().await?;',
          '        let key = message.key().map(String::from_utf8_lossy);',
          '        let value = message.payload().map(String::from_utf8_lossy);',
          '        println!("p{} @ {} key={:?} {:?}", message.partition(), message.offset(), key, value);',
          '    }',
          '}',
        ].join('\n'),
      },
    ],
  };
}

/**
 * A reminder when the address only works on this machine: the embedded broker listens on loopback
 * unless Lanes was started with LANES_BROKER_HOST.
 */
export function bootstrapNote(bootstrap: string): string | null {
  const hosts = bootstrap.split(',').map((broker) => broker.trim().replace(/:\d+$/, '').replace(/^\[|\]$/g, ''));
  const loopback = hosts.every((host) => host === 'localhost' || host === '::1' || host.startsWith('127.'));
  return loopback ? 'This address works on the machine running Lanes. For other machines, start Lanes with LANES_BROKER_HOST set to an address they can reach.' : null;
}

function pyPairs(): string {
  return `[${EXAMPLE_MESSAGES.map(([key, value]) => `(${pyString(key)}, ${pyString(value)})`).join(', ')}]`;
}

export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_.:,/@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function pyString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const jsString = pyString;

function rustString(text: string): string {
  return JSON.stringify(text);
}
