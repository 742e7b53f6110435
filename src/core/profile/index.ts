/** The county's profile: read (schema.ts), and what it changes outside the checker (outlines, comment author). */
import { TemplateRegistry } from '../templates/registry';
import type { CountyProfile } from './model';

export { CountyProfileSchema, PROFILE_VERSION, type CountyProfile } from './model';
export { MAX_PROFILE_BYTES, parseProfile, type ProfileParse } from './schema';

/** The templates a report may use: the given ones, and the county's outlines (which replace one of the same id). */
export function registryWithProfile(
  profile: CountyProfile | null | undefined,
  base?: TemplateRegistry,
): TemplateRegistry {
  const registry = new TemplateRegistry(base?.list());
  for (const t of profile?.templates ?? []) registry.add(t);
  return registry;
}

/** Who signs the review comments: the county office its profile names (else review/comments' 县司法局审核). */
export function reviewerOf(profile: CountyProfile | null | undefined): string | undefined {
  return profile?.reviewer ?? undefined;
}
