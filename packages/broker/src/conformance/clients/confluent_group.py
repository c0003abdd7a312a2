"""confluent-kafka consumer group with manual commits, run inside one process.

Args: {bootstrap, topic, group, members, strategy: "range" | "roundrobin",
       records: [{key, value}], timeoutMs}
1. `members` consumers subscribe with partition.assignment.strategy=<strategy> and
   enable.auto.commit=false, and are polled until the group is stable: every member reports the same
   generation and the assignments cover every partition. The topic is empty until then, so no record
   can be read twice across a rebalance.
2. A producer sends `records`.
3. Members are polled until every record arrived; each record is committed synchronously
   (commit(message, asynchronous=False)) right after it is read.
Prints: {"partitionCount": n, "members": [{memberId, generation, assignment, consumed, commitErrors,
         rebalances}]}
"""
import struct
import time

from confluent_kafka import Consumer, Producer

from json_cli import emit, read_args, text, utf8


def group_membership(consumer: Consumer):
    """(generation, member id) as this client knows them.

    confluent-kafka 1.7.0 has no memberid(); consumer_group_metadata() returns librdkafka's
    serialized form (rd_kafka_consumer_group_metadata_write in rdkafka_cgrp.c): b"CGMDv2:", the
    int32 generation id in host byte order, then group id, member id, NUL-terminated.
    """
    blob = consumer.consumer_group_metadata()
    magic = b"CGMDv2:"
    if not blob.startswith(magic):
        raise RuntimeError(f"unknown consumer group metadata format {blob[:16]!r}")
    (generation,) = struct.unpack_from("=i", blob, len(magic))
    _group, member_id = blob[len(magic) + 4 :].split(b"\0")[:2]
    return generation, member_id.decode("utf-8")


class Member:
    def __init__(self, index: int, args) -> None:
        self.rebalances = []
        self.consumed = []
        self.commit_errors = []
        self.consumer = Consumer(
            {
                "bootstrap.servers": args["bootstrap"],
                "group.id": args["group"],
                "client.id": f"member-{index}",
                "partition.assignment.strategy": args["strategy"],
                "enable.auto.commit": False,
                "auto.offset.reset": "earliest",
                "session.timeout.ms": 6000,
                "heartbeat.interval.ms": 500,
                "fetch.wait.max.ms": 100,
            }
        )
        self.consumer.subscribe(
            [args["topic"]],
            on_assign=lambda _c, parts: self.rebalances.append({"assigned": [p.partition for p in parts]}),
            on_revoke=lambda _c, parts: self.rebalances.append({"revoked": [p.partition for p in parts]}),
        )

    def assignment(self):
        return sorted(p.partition for p in self.consumer.assignment())

    def poll_once(self) -> None:
        message = self.consumer.poll(0.05)
        if message is None:
            return
        if message.error():
            raise RuntimeError(f"consume error: {message.error()}")
        self.consumed.append(
            {
                "partition": message.partition(),
                "offset": message.offset(),
                "key": text(message.key()),
                "value": text(message.value()),
            }
        )
        try:
            self.consumer.commit(message=message, asynchronous=False)
        except Exception as error:  # reported to the test, which fails on any commit error
            self.commit_errors.append(str(error))


def is_stable(members, partition_count: int) -> bool:
    generations = {group_membership(m.consumer)[0] for m in members}
    assigned = [p for m in members for p in m.assignment()]
    return len(generations) == 1 and sorted(assigned) == list(range(partition_count))


def main() -> None:
    args = read_args()
    deadline = time.monotonic() + args["timeoutMs"] / 1000
    members = [Member(i, args) for i in range(args["members"])]
    try:
        topic = members[0].consumer.list_topics(topic=args["topic"], timeout=5).topics[args["topic"]]
        partition_count = len(topic.partitions)

        stable_since = None
        while stable_since is None or time.monotonic() - stable_since < 1.0:
            if time.monotonic() > deadline:
                state = [(group_membership(m.consumer), m.assignment()) for m in members]
                raise RuntimeError(f"group never became stable: {state}")
            for member in members:
                member.poll_once()
            if is_stable(members, partition_count):
                stable_since = stable_since or time.monotonic()
            else:
                stable_since = None

        producer = Producer({"bootstrap.servers": args["bootstrap"], "linger.ms": 5})
        for record in args["records"]:
            producer.produce(args["topic"], key=utf8(record.get("key")), value=utf8(record["value"]))
        if producer.flush(10):
            raise RuntimeError("the producer could not deliver every record")

        while sum(len(m.consumed) for m in members) < len(args["records"]) and time.monotonic() < deadline:
            for member in members:
                member.poll_once()

        report = []
        for member in members:
            generation, member_id = group_membership(member.consumer)
            report.append(
                {
                    "memberId": member_id,
                    "generation": generation,
                    "assignment": member.assignment(),
                    "consumed": member.consumed,
                    "commitErrors": member.commit_errors,
                    "rebalances": member.rebalances,
                }
            )
        emit({"partitionCount": partition_count, "members": report})
    finally:
        for member in members:
            member.consumer.close()


if __name__ == "__main__":
    main()
