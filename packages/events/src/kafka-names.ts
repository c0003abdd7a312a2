import { z } from 'zod';
import { limits } from './limits';

/** Kafka's topic name rules (kafka.common.Topic): letters, digits, '.', '_', '-', at most 249, not '.' or '..'. */
export const topicNameSchema = z
  .string({ error: 'Give the topic a name.' })
  .min(1, 'Give the topic a name.')
  .max(limits.topicNameLength, `Topic names are at most ${limits.topicNameLength} characters.`)
  .refine((name) => name !== '.' && name !== '..', "A topic cannot be named '.' or '..'.")
  .refine((name) => /^[a-zA-Z0-9._-]+$/.test(name), {
    error: (issue) => {
      const bad = [...String(issue.input)].find((c) => !/[a-zA-Z0-9._-]/.test(c));
      return `Topic names may contain only letters, digits, '.', '_' and '-'; this one contains '${bad}'.`;
    },
  });

export const groupIdSchema = z
  .string({ error: 'Give the group an id.' })
  .min(1, 'Give the group an id.')
  .max(255, 'Group ids are at most 255 characters.')
  .refine((id) => /^[a-zA-Z0-9._-]+$/.test(id), "Group ids in Lanes may contain only letters, digits, '.', '_' and '-'.");

export const partitionCountSchema = z
  .number({ error: 'The partition count must be a number.' })
  .int('The partition count must be a whole number.')
  .min(1, 'A topic needs at least 1 partition.')
  .max(limits.maxPartitions, `Lanes creates at most ${limits.maxPartitions} partitions per topic.`);

export const partitionIndexSchema = z
  .number({ error: 'The partition must be a number.' })
  .int('The partition must be a whole number.')
  .min(0, 'Partitions are numbered from 0.');
