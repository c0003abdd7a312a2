"""A librdkafka group member (confluent-kafka-python) for the interop tests in this folder.

Usage: python3 rdkafka-group-member.py BOOTSTRAP GROUP TOPIC STRATEGY
Joins GROUP with partition.assignment.strategy=STRATEGY and prints one JSON object per line:
  {"event": "assigned", "partitions": [0, 1, 2]}      after each rebalance
  {"event": "record", "partition": 0, "value": "..."}  for each record consumed
It leaves the group cleanly when its stdin closes.
"""
import json
import sys
import threading

from confluent_kafka import Consumer, KafkaException

bootstrap, group, topic, strategy = sys.argv[1:5]
stopping = threading.Event()


def emit(event):
    print(json.dumps(event), flush=True)


def watch_stdin():
    sys.stdin.read()
    stopping.set()


def on_assign(_consumer, partitions):
    emit({"event": "assigned", "partitions": sorted(p.partition for p in partitions)})


consumer = Consumer({
    "bootstrap.servers": bootstrap,
    "group.id": group,
    "client.id": "lanes-rdkafka",
    "partition.assignment.strategy": strategy,
    "auto.offset.reset": "earliest",
    "enable.auto.commit": False,
    "session.timeout.ms": 6000,
    "heartbeat.interval.ms": 300,
    "fetch.wait.max.ms": 100,
})
consumer.subscribe([topic], on_assign=on_assign)
threading.Thread(target=watch_stdin, daemon=True).start()
try:
    while not stopping.is_set():
        message = consumer.poll(0.1)
        if message is None:
            continue
        if message.error():
            emit({"event": "error", "message": str(message.error())})
            continue
        emit({"event": "record", "partition": message.partition(), "value": message.value().decode("utf-8")})
except KafkaException as error:
    emit({"event": "error", "message": str(error)})
finally:
    consumer.close()
