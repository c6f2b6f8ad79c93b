import { z } from 'zod';
import { PAIN_CATEGORY_KEYS } from '../domain/method/discovery.js';
import { text } from './common.js';

/** A version of the chain as the API shows it. */
export const discoveryChainView = z.object({
  version: z.int(),
  questions: z.array(
    z.object({
      id: z.string(),
      zh: z.string(),
      en: z.string(),
      hint: z.string().optional(),
      hintEn: z.string().optional(),
    }),
  ),
  /** Null for the built-in default. */
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});

export type DiscoveryChainView = z.infer<typeof discoveryChainView>;

/** Body of "record a visit's discovery". */
export const visitDiscoveryInput = z.strictObject({
  /** The visit's version last read (optimistic concurrency). */
  version: z.int().min(1),
  discoveryVersion: z.int().min(0),
  answers: z
    .array(
      z.strictObject({ questionId: z.string().trim().min(1).max(40), answer: z.string().trim().max(5000) }),
    )
    .max(10),
  pains: z
    .array(z.strictObject({ category: z.enum(PAIN_CATEGORY_KEYS), need: z.string().trim().min(1).max(1000) }))
    .max(20),
});

/** A visit's discovery as the API shows it. */
export const visitDiscoveryView = z.object({
  visitId: z.string(),
  customerId: z.string(),
  discoveryVersion: z.int().nullable(),
  answers: z.array(z.object({ questionId: z.string(), answer: z.string() })),
  pains: z.array(z.object({ category: z.enum(PAIN_CATEGORY_KEYS), need: z.string() })),
  version: z.int(),
});

export type VisitDiscovery = z.infer<typeof visitDiscoveryView>;

const painView = z.object({ category: z.enum(PAIN_CATEGORY_KEYS), need: z.string() });

/** The pitch list as the API shows it. */
export const pitchListView = z.object({
  customerId: z.string(),
  pains: z.array(painView),
  items: z.array(
    z.object({
      productId: z.string(),
      name: z.string(),
      painsAnswered: z.int(),
      features: z.array(z.object({ name: z.string(), answers: z.array(painView) })),
    }),
  ),
});

export type PitchList = z.infer<typeof pitchListView>;

/** A catalog entry as the API shows it; `version` is null for an unedited built-in entry. */
export const objectionTypeView = z.object({
  key: z.string(),
  kind: z.enum(['objection', 'stall']),
  labelZh: z.string(),
  labelEn: z.string(),
  replies: z.array(z.object({ id: z.string(), zh: z.string(), en: z.string() })),
  archived: z.boolean(),
  builtIn: z.boolean(),
  version: z.int().nullable(),
});

export type ObjectionTypeView = z.infer<typeof objectionTypeView>;

/** A reply as a manager writes it: a known id keeps its statistics; without one it gets a new id. */
export const replyInput = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{1,80}$/)
    .optional(),
  zh: text(2000),
  en: text(2000),
});

/** Body of "add a catalog entry". */
export const createObjectionTypeInput = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'lower-case letters, digits and _ (2–40, a letter first)' }),
  kind: z.enum(['objection', 'stall']),
  labelZh: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
  replies: z.array(replyInput).max(20).default([]),
});

/** Body of "edit a catalog entry"; `version` is required once the workspace has its own row. */
export const updateObjectionTypeInput = z.strictObject({
  labelZh: z.string().trim().min(1).max(200).optional(),
  labelEn: z.string().trim().min(1).max(200).optional(),
  replies: z.array(replyInput).max(20).optional(),
  archived: z.boolean().optional(),
  version: z.int().min(1).optional(),
});
