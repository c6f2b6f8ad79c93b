/** The selling method in the API: the discovery chain and a visit's discovery, the pitch list, the objection catalog. */
import { z } from 'zod';
import { discoveryChainInput, PAIN_CATEGORY_KEYS } from '../domain/method/discovery.js';
import { INT_COLUMN_MAX, text, versionNumber } from './common.js';
import { idParams, RECORD_ERRORS, route } from './http.js';

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
  version: versionNumber,
  discoveryVersion: z.int().min(0).max(INT_COLUMN_MAX),
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
  version: versionNumber.optional(),
});

const keyParams = z.strictObject({ key: z.string().min(1).max(40) });

/** Discovery (method part 3): the question chain, a visit's answers, what was found, the pitch list. */
export const discoveryRoutes = {
  chain: route({
    method: 'GET',
    path: '/api/discovery-chain',
    summary: 'The discovery question chain in force (the built-in version 0 until a manager edits it)',
    tags: ['discovery'],
    status: 200,
    response: discoveryChainView,
    errors: RECORD_ERRORS,
  }),
  chainVersions: route({
    method: 'GET',
    path: '/api/discovery-chain/versions',
    summary: 'Every version of the discovery chain, newest first',
    tags: ['discovery'],
    status: 200,
    response: z.array(discoveryChainView),
    errors: RECORD_ERRORS,
  }),
  saveChain: route({
    method: 'PUT',
    path: '/api/discovery-chain',
    summary: 'Store a new version of the discovery chain (1–10 questions with unique ids; managers)',
    tags: ['discovery'],
    body: discoveryChainInput,
    status: 201,
    response: discoveryChainView,
    errors: RECORD_ERRORS,
  }),
  recordVisitDiscovery: route({
    method: 'PUT',
    path: '/api/visits/:id/discovery',
    summary: "Write a visit's discovery answers (for a chain version) and the pains found",
    tags: ['discovery'],
    params: idParams,
    body: visitDiscoveryInput,
    status: 200,
    response: visitDiscoveryView,
    errors: RECORD_ERRORS,
  }),
  customerDiscoveries: route({
    method: 'GET',
    path: '/api/customers/:id/discoveries',
    summary: "What the customer's visits found out: discovery answers and pains per visit, newest first",
    tags: ['discovery'],
    params: idParams,
    status: 200,
    response: z.array(visitDiscoveryView),
    errors: RECORD_ERRORS,
  }),
  pitchList: route({
    method: 'GET',
    path: '/api/customers/:id/pitch-list',
    summary: "The customer's pains and the products whose features answer them, best first",
    tags: ['discovery'],
    params: idParams,
    status: 200,
    response: pitchListView,
    errors: RECORD_ERRORS,
  }),
};

/** The objection catalog: objections and stalls with their scripted replies. */
export const objectionTypeRoutes = {
  list: route({
    method: 'GET',
    path: '/api/objection-types',
    summary: 'The objection catalog: objections and stalls with their scripted replies',
    tags: ['objections'],
    status: 200,
    response: z.array(objectionTypeView),
    errors: RECORD_ERRORS,
  }),
  update: route({
    method: 'PUT',
    path: '/api/objection-types/:key',
    summary: 'Edit a catalog entry: labels, replies, archived (managers; send the version once edited)',
    tags: ['objections'],
    params: keyParams,
    body: updateObjectionTypeInput,
    status: 200,
    response: objectionTypeView,
    errors: RECORD_ERRORS,
  }),
  create: route({
    method: 'POST',
    path: '/api/objection-types',
    summary: 'Add a custom objection or stall (managers)',
    tags: ['objections'],
    body: createObjectionTypeInput,
    status: 201,
    response: objectionTypeView,
    errors: RECORD_ERRORS,
  }),
};
