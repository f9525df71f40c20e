/**
 * How a FaceAuth query is written before encryption: compact JSON (the vendor's examples, default) or
 * `sid=…&authUserId=…` (the notation of the FaceAuth doc page, kept as a fallback).
 */
export type PlaintextFormat = 'json' | 'querystring';

export const PLAINTEXT_FORMATS: readonly PlaintextFormat[] = ['json', 'querystring'];
